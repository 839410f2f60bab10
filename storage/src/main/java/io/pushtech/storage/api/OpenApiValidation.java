package io.pushtech.storage.api;

import io.pushtech.common.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.LabelTransformer;
import io.vertx.openapi.validation.transformer.MatrixTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates each request against its operation in {@code openapi.yaml}: the Vert.x OpenAPI router's
 * request extractor and {@code vertx-openapi}'s parameter transformers and JSON Schema validators, with
 * failures turned into the API's {@code 400} errors by {@link OpenApiErrors}. Routes stay declared in
 * {@link StoreApi}, so the bearer check runs first and the error handler is the service's own.
 *
 * <p>An operation without a request body is checked on the event loop with validators built once per
 * parameter: {@code vertx-openapi}'s {@link RequestValidator} builds a schema validator for every value
 * (copying the contract's whole schema lookup) and runs on an ordered worker task, which made it the largest part
 * of a nearby query's server time. The checks and the errors are the ones that validator makes. An operation with
 * a body (a write, which waits for Kafka anyway) goes through the {@link RequestValidator} itself.
 *
 * <p>Two checks are stricter than that validator's: a query parameter the operation does not declare is refused
 * ({@code unknown_parameter}), and a parameter of type string is checked as sent, where the transformers would
 * first read a value such as {@code 1.5} or {@code {"a":1}} as JSON and then find it is not a string.
 */
final class OpenApiValidation {

    static final String DOCUMENT = "openapi.yaml";

    private static final Map<Style, ParameterTransformer> TRANSFORMERS = new EnumMap<>(Map.of(
            Style.SIMPLE, new SimpleTransformer(),
            Style.LABEL, new LabelTransformer(),
            Style.MATRIX, new MatrixTransformer(),
            Style.FORM, new FormTransformer()));

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
        Set<String> query = operation.getParameters().stream()
                .filter(p -> p.getIn() == Location.QUERY)
                .map(Parameter::getName)
                .collect(Collectors.toUnmodifiableSet());
        Handler<RoutingContext> checks = checks(operationId, operation);
        return ctx -> {
            for (String name : ctx.queryParams().names()) {
                if (!query.contains(name)) {
                    ctx.fail(ApiException.badRequest("unknown_parameter", "unknown query parameter " + name, name));
                    return;
                }
            }
            checks.handle(ctx);
        };
    }

    private Handler<RoutingContext> checks(String operationId, Operation operation) {
        if (operation.getRequestBody() != null) {
            return ctx -> extractor
                    .extractValidatableRequest(ctx, operation)
                    .compose(request -> validator.validate(request, operationId))
                    .onSuccess(validated -> ctx.next())
                    .onFailure(failure -> ctx.fail(OpenApiErrors.toApiException(failure)));
        }
        List<CheckedParameter> parameters = operation.getParameters().stream()
                .map(p -> new CheckedParameter(p, contract.getSchemaRepository().validator(p.getSchema())))
                .toList();
        return ctx -> extractor
                .extractValidatableRequest(ctx, operation)
                .onSuccess(request -> {
                    try {
                        for (CheckedParameter parameter : parameters) {
                            parameter.check(request);
                        }
                    } catch (RuntimeException failure) {
                        ctx.fail(OpenApiErrors.toApiException(failure));
                        return;
                    }
                    ctx.next();
                })
                .onFailure(failure -> ctx.fail(OpenApiErrors.toApiException(failure)));
    }

    /** One parameter of an operation with its schema's validator. */
    private record CheckedParameter(Parameter parameter, Validator schema) {

        void check(ValidatableRequest request) {
            RequestParameter value = valueIn(request);
            if (value == null || value.isNull()) {
                if (parameter.isRequired()) {
                    throw ValidatorException.createMissingRequiredParameter(parameter);
                }
                return;
            }
            ParameterTransformer transformer = TRANSFORMERS.get(parameter.getStyle());
            if (transformer == null) {
                throw ValidatorException.createUnsupportedValueFormat(parameter);
            }
            String raw = String.valueOf(value.get());
            Object input = parameter.getSchemaType() == SchemaType.STRING ? raw : transformer.transform(parameter, raw);
            OutputUnit result = schema.validate(input);
            try {
                result.checkValidity();
            } catch (JsonSchemaValidationException e) {
                throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, e);
            }
        }

        private RequestParameter valueIn(ValidatableRequest request) {
            return switch (parameter.getIn()) {
                case COOKIE -> request.getCookies().get(parameter.getName());
                case HEADER -> request.getHeaders().get(parameter.getName());
                case PATH -> request.getPathParameters().get(parameter.getName());
                case QUERY -> request.getQuery().get(parameter.getName());
            };
        }
    }
}
