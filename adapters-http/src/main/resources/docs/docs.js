// Swagger UI over this server's own OpenAPI document; every file comes from this server.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
