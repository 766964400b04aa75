// Starts Redoc on /redoc from the bundled standalone build (a file, so script-src 'self' holds).
"use strict";
(function () {
  const box = document.getElementById("redoc");
  Redoc.init(box.getAttribute("data-openapi-url"), { hideDownloadButton: false }, box, () =>
    box.setAttribute("data-state", "ready"));
})();
