package org.tsunagu.problems;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.NoSuchElementException;

/**
 * Reads every JSON request body the resources take as {@link JsonValue}, strictly: exactly one JSON
 * value and nothing after it ({@code {"a":1}{"b":2}} used to be read as its first object), an empty
 * body or an unknown charset as a 400 problem rather than whatever the default reader makes of it.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(Priorities.USER)
public class JsonBodies implements MessageBodyReader<JsonValue> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public JsonValue readFrom(Class<JsonValue> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                              MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        Charset charset = charset(mediaType);
        try (JsonParser parser = Json.createParser(new InputStreamReader(body, charset))) {
            if (!parser.hasNext()) {
                throw malformed("リクエスト本文が空です");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw malformed("JSON の値のあとに余分な内容があります");
            }
            return value;
        } catch (JsonParsingException | NoSuchElementException | IllegalStateException e) {
            throw malformed("リクエスト本文が正しい JSON ではありません");
        }
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(415, "Unsupported Media Type", "JSON は UTF-8 で送ってください", null);
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "Malformed JSON", detail, null);
    }
}
