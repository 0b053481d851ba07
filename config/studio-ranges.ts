/** SageMaker's accepted ranges (IdleSettings and DefaultEbsStorageSettings in its API reference). */
export const IDLE_MINUTES_RANGE = [60, 525_600] as const;
export const STORAGE_GB_RANGE = [5, 16_384] as const;
