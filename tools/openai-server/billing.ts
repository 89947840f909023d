// What the server billed: running totals for GET/DELETE /__control/billing and one meter per
// generating request, fed only with what was actually written to the client.
import { estimateTokens } from "./tokens.js";

export interface BilledUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

export interface BillingTotals extends BilledUsage {
  /** /v1/responses requests that started generating. */
  requests: number;
}

const zero = (): BillingTotals => ({
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  requests: 0,
});

export class Billing {
  private totals = zero();

  /** Starts billing one request: its input (and cache hit) is billed at once. */
  open(inputTokens: number, cachedInputTokens: number, onChange: (u: BilledUsage) => void): Meter {
    this.totals.requests += 1;
    this.totals.inputTokens += inputTokens;
    this.totals.cachedInputTokens += cachedInputTokens;
    return new Meter(
      inputTokens,
      cachedInputTokens,
      (extra) => {
        this.totals.outputTokens += extra;
      },
      onChange,
    );
  }

  snapshot(): BillingTotals {
    return { ...this.totals };
  }

  /** Starts a new period and returns the totals of the one that ended. */
  reset(): BillingTotals {
    const previous = this.snapshot();
    this.totals = zero();
    return previous;
  }
}

/** One request's bill. Output = domain estimate of the text written + reasoning + refusal. */
export class Meter {
  private text = "";
  private refusal = "";
  private reasoning = 0;
  private output = 0;

  constructor(
    readonly inputTokens: number,
    readonly cachedInputTokens: number,
    private readonly addOutput: (extra: number) => void,
    private readonly onChange: (usage: BilledUsage) => void,
  ) {
    onChange(this.usage());
  }

  addText(delta: string): void {
    this.text += delta;
    this.update();
  }

  addRefusal(delta: string): void {
    this.refusal += delta;
    this.update();
  }

  addReasoning(tokens: number): void {
    this.reasoning += tokens;
    this.update();
  }

  get reasoningTokens(): number {
    return this.reasoning;
  }

  usage(): BilledUsage {
    return {
      inputTokens: this.inputTokens,
      outputTokens: this.output,
      cachedInputTokens: this.cachedInputTokens,
    };
  }

  private update(): void {
    const output = estimateTokens(this.text) + estimateTokens(this.refusal) + this.reasoning;
    this.addOutput(output - this.output);
    this.output = output;
    this.onChange(this.usage());
  }
}
