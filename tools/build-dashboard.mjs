// Copy the dashboard's and the API docs' third-party assets from node_modules into the Python package.
//
// Why: `pip install eventlens` must give a working, offline dashboard and API docs without npm, so the built
// files are committed under src/eventlens/api/static/vendor. This script is how they are made:
//   npm ci && npm run build
// package-lock.json pins every version; MANIFEST.json records each file's sha256 so a review
// can see that the committed files are exactly what this build produces.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const nm = join(root, "node_modules");
const out = join(root, "src", "eventlens", "api", "static", "vendor");

const files = [
  ["leaflet/dist/leaflet.js", "leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet.css"],
  ["leaflet.markercluster/dist/leaflet.markercluster.js", "leaflet.markercluster.js"],
  ["leaflet.markercluster/dist/MarkerCluster.css", "MarkerCluster.css"],
  ["leaflet.markercluster/dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  // Natural Earth 1:50m admin-0 countries (public domain) as TopoJSON, decoded in the browser.
  ["world-atlas/countries-50m.json", "countries-50m.json"],
  // The API docs pages /docs (Swagger UI) and /redoc, served from here instead of a CDN.
  ["swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui-bundle.js"],
  ["swagger-ui-dist/swagger-ui.css", "swagger-ui.css"],
  ["redoc/bundles/redoc.standalone.js", "redoc.standalone.js"],
];
const licences = [
  ["leaflet", "LICENSE"],
  ["leaflet.markercluster", "MIT-LICENCE.txt"],
  ["topojson-client", "LICENSE"],
  ["world-atlas", "LICENSE"],
  ["swagger-ui-dist", "LICENSE"],
  ["swagger-ui-dist", "NOTICE"],
  ["swagger-ui-dist", "swagger-ui-bundle.js.LICENSE.txt"],
  ["redoc", "LICENSE"],
  ["redoc", "bundles/redoc.standalone.js.LICENSE.txt"],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "images"), { recursive: true });
const manifest = { packages: {}, files: {} };
const sha = (p) => createHash("sha256").update(readFileSync(p)).digest("hex");

for (const [src, dst] of files) {
  copyFileSync(join(nm, src), join(out, dst));
  manifest.files[dst] = sha(join(out, dst));
}
for (const img of readdirSync(join(nm, "leaflet/dist/images")).sort()) {
  copyFileSync(join(nm, "leaflet/dist/images", img), join(out, "images", img));
  manifest.files[`images/${img}`] = sha(join(out, "images", img));
}
let text = "Third-party assets bundled with the eventlens dashboard (built by tools/build-dashboard.mjs).\n" +
  "Natural Earth data (world-atlas) is in the public domain.\n\n";
for (const [pkg, lic] of licences) {
  const meta = JSON.parse(readFileSync(join(nm, pkg, "package.json"), "utf8"));
  manifest.packages[pkg] = meta.version;
  text += `==== ${pkg} ${meta.version} (${meta.license}): ${lic} ====\n` + readFileSync(join(nm, pkg, lic), "utf8") + "\n";
}
writeFileSync(join(out, "LICENSES.txt"), text);
writeFileSync(join(out, "MANIFEST.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`built ${Object.keys(manifest.files).length} files into ${out}`);
