// "Export as Markdown": the whole spark (brief, every idea, stars) saved as `<topic slug>.md`,
// built in the browser, so it works offline from the cache too.
import { downloadText } from "../../lib/download";
import { markdownFileName, sparkToMarkdown, type SparkForText } from "../../lib/sparkText";

export function ExportMarkdownButton({ spark }: { spark: SparkForText }) {
  return (
    <button
      type="button"
      className="button button-small button-secondary"
      data-testid="export-markdown"
      onClick={() =>
        downloadText(
          sparkToMarkdown(spark),
          markdownFileName(spark.brief),
          "text/markdown;charset=utf-8",
        )
      }
    >
      Export as Markdown
    </button>
  );
}
