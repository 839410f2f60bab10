package io.pushtech.storage.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;

/**
 * Validates each request against its operation in {@code openapi.yaml}: the Vert.x OpenAPI router's
 * request extractor and {@code vertx-openapi}'s request validator (parameters converted and checked
 * against their schemas, the body against its JSON Schema), with failures turned into the API's
 * {@code 400} errors by {@link OpenApiErrors}. Routes stay declared in {@link StoreApi}, so the bearer
 * check runs first and the error handler is the service's own. Handlers run on the event loop; the
 * validator runs on a worker.
 */
final class OpenApiValidation {

    static final String DOCUMENT = "openapi.yaml";

    private final OpenAPIContract contract;
    private final RequestValidator validator;
    private final RequestExtractor extractor = RequestExtractor.withBodyHandler();

    private OpenApiValidation(Vertx vertx, OpenAPIContract contract) {
        this.contract = contract;
        this.validator = RequestValidator.create(vertx, contract);
    }

    /** Reads and resolves the document (a classpath resource). */
    static Future<OpenApiValidation> load(Vertx vertx) {
        return OpenAPIContract.from(vertx, DOCUMENT).map(contract -> new OpenApiValidation(vertx, contract));
    }

    /** A handler that validates a request against {@code operationId} before passing it on. */
    Handler<RoutingContext> of(String operationId) {
        Operation operation = contract.operation(operationId);
        if (operation == null) {
            throw new IllegalArgumentException("no operation " + operationId + " in " + DOCUMENT);
        }
        return ctx -> extractor
                .extractValidatableRequest(ctx, operation)
                .compose(request -> validator.validate(request, operationId))
                .onSuccess(validated -> ctx.next())
                .onFailure(failure -> ctx.fail(OpenApiErrors.toApiException(failure)));
    }
}
