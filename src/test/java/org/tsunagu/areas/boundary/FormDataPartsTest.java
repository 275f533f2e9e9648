package org.tsunagu.areas.boundary;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormDataPartsTest {

    static List<String> parts(String body, String boundary) throws IOException {
        FormDataParts parts = new FormDataParts(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), boundary);
        List<String> out = new ArrayList<>();
        for (InputStream p = parts.next(); p != null; p = parts.next()) {
            out.add(new String(p.readAllBytes(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void parts_are_read_one_after_the_other_whatever_their_names() throws IOException {
        String body = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"; filename=\"mt_town.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nlg_code,oaza_cho\r\n131202,旭丘\r\n--X\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"zzz\"\r\n\r\nrep_lat\n35.7\r\n--XyZ--\r\nepilogue";
        assertEquals(List.of("lg_code,oaza_cho\r\n131202,旭丘\r\n--X", "rep_lat\n35.7"), parts(body, "XyZ"));
    }

    @Test
    void a_part_left_unread_is_skipped_and_an_empty_part_is_empty() throws IOException {
        String body = "--b\r\n\r\n\r\n--b\r\nContent-Disposition: form-data; name=x\r\n\r\nsecond\r\n--b--";
        FormDataParts parts = new FormDataParts(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "b");
        parts.next();
        assertEquals("second", new String(parts.next().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(null, parts.next());
        assertEquals(List.of("", "second"), parts(body, "b"));
    }

    @Test
    void a_body_cut_off_inside_a_part_is_an_error() {
        assertThrows(IOException.class, () -> parts("--b\r\n\r\nnever ends", "b"));
        assertThrows(IOException.class, () -> new FormDataParts(new ByteArrayInputStream(new byte[0]), null));
    }
}
