package io.pushtech.common.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Whether what a client put in a URL can be percent-decoded at all, and the error when it cannot. Pure. */
final class QueryStrings {

    private QueryStrings() {}

    static boolean decodes(String encoded) {
        if (encoded == null || encoded.indexOf('%') < 0) {
            return true;
        }
        try {
            URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static ApiException malformedQuery() {
        return new ApiException(
                400, "malformed_query", "the query string has a % not followed by two hex digits (write %25 for %)");
    }

    static ApiException malformedPath() {
        return new ApiException(
                400, "malformed_path", "the path has a % not followed by two hex digits (write %25 for %)");
    }
}
