// A spark the model could not finish: says how many of the asked-for ideas it wrote (those
// stay usable) and offers "Ask for the rest", a new spark prefilled with the missing count.
import type { SparkBrief } from "@ideaspark/domain";
import { Link } from "react-router";
import { restOfBrief } from "./briefForm";

export function PartialNotice({ brief, delivered }: { brief: SparkBrief; delivered: number }) {
  const missing = brief.count - delivered;
  return (
    <div className="spark-partial" role="status" data-testid="spark-partial">
      <p>
        The model could only write {delivered} of the {brief.count} ideas you asked for.
        {delivered > 0 && " The ones below are yours to keep."}
      </p>
      {missing > 0 && (
        <Link
          className="button button-secondary"
          to="/spark"
          state={{ form: restOfBrief(brief, delivered) }}
          data-testid="spark-ask-rest"
        >
          Ask for the rest
        </Link>
      )}
    </div>
  );
}
