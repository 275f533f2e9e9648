package org.tsunagu.problems;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonInputTest {

    @Test
    void text_with_control_bidi_or_unpaired_surrogates_is_unsafe_and_ordinary_text_is_not() {
        for (String bad : List.of("a\u0000b", "\u001B[31m", "a\u007Fb", "\u0085", "\u202Egnp.exe", "\u202A", "\u2066x\u2069",
                "\uD800", "x\uDFFF")) {
            assertNotNull(JsonInput.unsafe(bad), bad);
        }
        for (String good : List.of("", "ふれあいサロン光が丘", "毎月第2水曜\n13:30〜", "tab\there", "𠮷野家", "<script>", "' OR 1=1 --",
                "a\u200Bb", "ｱｲｳ")) {
            assertNull(JsonInput.unsafe(good), good);
        }
    }

    @Test
    void strings_and_lists_with_unsafe_text_become_field_errors() {
        JsonInput in = new JsonInput(Json.createObjectBuilder().add("name", "\u202Eabc").add("tags", Json.createArrayBuilder().add("a\u0000"))
                .build());
        assertNull(in.string("name", true, 100));
        assertEquals(List.of(), in.strings("tags", 5, 10));
        assertEquals(List.of("name", "tags"), in.errors().stream().map(FieldError::field).toList());
        assertThrows(ProblemException.class, in::verify);
    }

    @Test
    void query_parameters_refuse_the_same_and_line_breaks() {
        QueryParameters p = new QueryParameters();
        assertNull(p.text("q", "\u202Eabc", 100));
        assertNull(p.text("near", "a\nb", 100));
        assertEquals("ok", p.text("town", " ok ", 100));
        assertEquals(List.of("q", "near"), List.of("q", "near").stream().filter(p::failed).toList());
    }
}
