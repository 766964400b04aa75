// Starts Swagger UI on /docs. A file, not an inline script, so the page's policy can say
// script-src 'self'. No validator badge: it would send the spec's address to validator.swagger.io.
"use strict";
(function () {
  const box = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: box.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset].filter(Boolean),
    onComplete: () => box.setAttribute("data-state", "ready"),
  });
})();
