package org.tsunagu.problems;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.NoSuchElementException;

/**
 * Every JSON request body is checked before a resource reads it: exactly one JSON value and nothing
 * after it ({@code {"a":1}{"b":2}} was read as its first object by the default reader), not empty,
 * in a charset Java knows (else 415). The body (at most 1 MiB, {@link BodyLimit}) is buffered and
 * handed on unchanged. A filter rather than a reader of its own, because Jersey's JSON-P reader is
 * chosen before an application's reader for {@code JsonValue}.
 */
@Provider
public class JsonBodies implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !request.hasEntity() || !isJson(type)) {
            return;
        }
        Charset charset = charset(type);
        byte[] body;
        try {
            body = request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(body, charset);
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    /** Throws a 400 problem unless the bytes are exactly one JSON value. */
    static void check(byte[] body, Charset charset) {
        String text;
        try {
            // strictly: a reader would turn bytes that are not valid in the charset into U+FFFD silently
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("リクエスト本文に " + charset.name() + " として読めないバイトがあります");
        }
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw malformed("リクエスト本文が空です");
            }
            parser.next();
            parser.getValue();
            if (parser.hasNext()) {
                throw malformed("JSON の値のあとに余分な内容があります");
            }
        } catch (JsonParsingException | NoSuchElementException | IllegalStateException e) {
            throw malformed("リクエスト本文が正しい JSON ではありません");
        } catch (RuntimeException e) {
            if (e instanceof ProblemException) {
                throw e;
            }
            // Parsson refuses input nested deeper than 1,000 levels with a plain RuntimeException
            throw malformed("リクエスト本文が正しい JSON ではありません（入れ子が深すぎます）");
        }
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
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
