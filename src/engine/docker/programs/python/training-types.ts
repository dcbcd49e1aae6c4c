/** One recorded configuration of the starter project's training (see training.generated.ts). */
export interface RecordedRun {
  lr: number;
  batchSize: number;
  seed: number;
  /** Per epoch: loss and accuracy as the script prints them (4 decimals). */
  epochs: ReadonlyArray<readonly [string, string]>;
  /** Test accuracy of a run that stops after epoch i + 1. */
  test: readonly string[];
  /**
   * Per epoch count: what predict_model.py prints for the shipped image files, encoded as one
   * digit plus the confidence's two decimals per image ("A0" = 1.00).
   */
  predictions: ReadonlyArray<Readonly<Record<string, string>>>;
}
