// Imported first by main.ts, so it runs before any other module loads. tsx turns source maps on, and Node then
// indexes the map of every module it loads; cdktf also records a stack trace with every token it creates, and
// source-mapping those costs more than synthesizing a small config. Bad input never shows a stack trace anyway.
process.setSourceMapsEnabled(false);
