// Vite builds the app into dist/, which `prosit serve` serves; hashed files go to
// dist/assets/ (the server marks those immutable). JSX is Preact's, compiled by esbuild.
import { defineConfig } from "vite";

export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    // The CSP allows no inline code: keep even small assets as files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
