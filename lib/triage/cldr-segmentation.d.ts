// cldr-segmentation ships no types; only what lib/triage uses is declared.
declare module "cldr-segmentation" {
  type Suppressions = { readonly __brand?: "suppressions" };
  const cldrSegmentation: {
    suppressions: Record<string, Suppressions | undefined>;
    sentenceSplit(text: string, suppressions?: Suppressions): string[];
  };
  export default cldrSegmentation;
}
