package org.tsunagu.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printed sheet's QR code reads back as the page address; the title cannot break out of the SVG. */
class QrCodeTest {

    @Test
    void theSvgDecodesToTheUrl() throws Exception {
        String url = "https://tsunagu.example/resources/28";
        String svg = QrCode.svg(url, "サロン「えがお」");
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(size.find());
        int n = Integer.parseInt(size.group(1));
        int scale = 8;
        int[] pixels = new int[n * scale * n * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * n * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(n * scale, n * scale, pixels)));
        assertEquals(url, new QRCodeReader().decode(bitmap).getText());
    }

    @Test
    void theTitleIsEscaped() {
        String svg = QrCode.svg("https://x.example/", "\"><script>alert(1)</script>");
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("&quot;&gt;&lt;script&gt;"));
    }
}
