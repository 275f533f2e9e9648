package org.tsunagu.booklet.control;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The booklet read back the way a reader (or a screen reader) would: the Japanese text is there and
 * extractable, A4, BIZ UDPGothic embedded as subsets, nothing smaller than 12 pt, resources never
 * split across pages, 「（続き）」 where a category continues, and QR codes that lead to the pages.
 */
class BookletTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String LONG_NAME = "ひだまり市北部地域ふれあい・いきいき健康づくり体操教室「ひまわりの会」（若葉・中山台・緑が丘合同、どなたでも参加できます）";

    static Booklet.Model small() {
        Booklet.Cover cover = new Booklet.Cover("北部圏域", "みらい県 ひだまり市（デモ）", List.of(
                new Booklet.Contact("ひだまり市若葉地域包括支援センター", "みらい県ひだまり市若葉3-8-12", "099-001-1111",
                        "月〜金 8:30〜17:15（祝日・年末年始を除く）"),
                new Booklet.Contact("ひだまり市中山台地域包括支援センター", "みらい県ひだまり市中山台1-4-20", "099-001-1122", null)),
                TODAY);
        return new Booklet.Model(cover, List.of(
                new Booklet.Section("サロン・通いの場", List.of(
                        new Booklet.Entry("いきいきサロン若葉", "毎月第2・第4木曜日 13:30〜15:00",
                                List.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 24)),
                                "ひだまり市若葉一丁目12-6", "099-093-7488", "https://tsunagu.example/resources/3"),
                        new Booklet.Entry(LONG_NAME, "毎週火曜日 10:00〜11:30（8月は休み）",
                                List.of(LocalDate.of(2026, 11, 24)), "ひだまり市中山台二丁目3-1 中山台地区会館2階集会室",
                                null, "https://tsunagu.example/resources/4"))),
                new Booklet.Section("認知症カフェ", List.of(
                        new Booklet.Entry("オレンジカフェ「ひだまり」", "不定期（年4回程度）", List.of(),
                                "ひだまり市若葉3-8-12", "099-001-1111", "https://tsunagu.example/resources/5")))));
    }

    @Test
    void theJapaneseTextIsThereAndExtractable() throws IOException {
        byte[] pdf = Booklet.pdf(small());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            String flat = text.replaceAll("\\s+", "");
            for (String expected : List.of("地域資源マップ", "北部圏域", "みらい県ひだまり市（デモ）", "2026年11月23日現在",
                    "ひだまり市若葉地域包括支援センター", "099-001-1111", "月〜金8:30〜17:15（祝日・年末年始を除く）",
                    "もくじ", "サロン・通いの場", "認知症カフェ", "いきいきサロン若葉", "毎月第2・第4木曜日13:30〜15:00",
                    "11月26日（木）、12月10日（木）、12月24日（木）", "099-093-7488", LONG_NAME.replaceAll("\\s+", ""),
                    "オレンジカフェ「ひだまり」", "不定期（年4回程度）")) {
                assertTrue(flat.contains(expected), expected + " missing in:\n" + text);
            }
            // the irregular cafe has no 次回 line, the others do
            assertEquals(2, countOf(flat, "次回"));
            assertEquals(2, doc.getNumberOfPages(), text);
            assertTrue(flat.contains("サロン・通いの場2ページ") && flat.contains("認知症カフェ2ページ"), "contents");
            assertTrue(flat.endsWith("2/2"), "page number");
        }
    }

    @Test
    void a4WithEmbeddedSubsetsOfBizUdpGothic() throws IOException {
        try (PDDocument doc = Loader.loadPDF(Booklet.pdf(small()))) {
            Set<String> fonts = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.01);
                assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.01);
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font instanceof PDType0Font, font.getName());
                    assertTrue(font.isEmbedded(), font.getName() + " embedded");
                    assertTrue(font.getName().matches("[A-Z]{6}\\+BIZUDPGothic-(Regular|Bold)"), font.getName());
                    assertTrue(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2() != null);
                    fonts.add(font.getName().substring(7));
                }
            }
            assertEquals(Set.of("BIZUDPGothic-Regular", "BIZUDPGothic-Bold"), fonts);
            assertEquals("ja-JP", doc.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void noTextIsSmallerThan12Points() throws IOException {
        try (PDDocument doc = Loader.loadPDF(Booklet.pdf(small()))) {
            List<Float> sizes = new ArrayList<>();
            PDFTextStripper sizesOf = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    positions.forEach(p -> sizes.add(p.getFontSizeInPt()));
                    super.writeString(text, positions);
                }
            };
            sizesOf.getText(doc);
            assertFalse(sizes.isEmpty());
            float min = sizes.stream().min(Float::compare).orElseThrow();
            assertTrue(min >= 12f, "smallest text " + min + " pt");
        }
    }

    @Test
    void qrCodesLeadToTheResourcePages() throws Exception {
        try (PDDocument doc = Loader.loadPDF(Booklet.pdf(small()))) {
            Set<String> urls = new HashSet<>();
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 1; i < doc.getNumberOfPages(); i++) {
                // the codes stand in the right-hand column: scan it in overlapping windows
                BufferedImage page = renderer.renderImageWithDPI(i, 150);
                int x = page.getWidth() * 3 / 4;
                int w = page.getWidth() - x;
                for (int y = 0; y + 240 <= page.getHeight(); y += 60) {
                    BufferedImage window = page.getSubimage(x, y, w, 240);
                    int[] pixels = window.getRGB(0, 0, w, 240, null, 0, w);
                    try {
                        urls.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                                new RGBLuminanceSource(w, 240, pixels)))).getText());
                    } catch (NotFoundException | ChecksumException | FormatException e) {
                        // no whole code in this window
                    }
                }
            }
            assertEquals(Set.of("https://tsunagu.example/resources/3", "https://tsunagu.example/resources/4",
                    "https://tsunagu.example/resources/5"), urls);
        }
    }

    @Test
    void threeHundredResourcesMakeManyPagesAndNoneIsSplit() throws IOException {
        List<Booklet.Section> sections = new ArrayList<>();
        List<Booklet.Entry> all = new ArrayList<>();
        String[] headings = {"サロン・通いの場", "認知症カフェ", "介護予防・体操教室", "診療所・クリニック", "歯科", "薬局"};
        for (int s = 0; s < headings.length; s++) {
            List<Booklet.Entry> entries = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = s * 50 + i;
                String name = (n % 7 == 0 ? LONG_NAME : "地域の集いの場") + "第" + n + "号";
                String schedule = n % 5 == 0 ? "毎月第1・第3月曜日 10:00〜12:00、毎週木曜日 14:00〜16:00（祝日・年末年始は休み。8月は夏休みのためお休みします）"
                        : "毎週水曜日 13:30〜15:00";
                Booklet.Entry e = new Booklet.Entry(name, schedule,
                        n % 3 == 0 ? List.of() : List.of(TODAY.plusDays(3), TODAY.plusDays(10), TODAY.plusDays(17)),
                        "みらい県ひだまり市若葉" + (n % 4 + 1) + "丁目" + n + "-1", String.format("099-%03d-%04d", n % 1000, n),
                        "https://tsunagu.example/resources/" + (1000 + n));
                entries.add(e);
                all.add(e);
            }
            sections.add(new Booklet.Section(headings[s], entries));
        }
        Booklet.Model model = new Booklet.Model(small().cover(), sections);
        long started = System.nanoTime();
        byte[] pdf = Booklet.pdf(model);
        long millis = (System.nanoTime() - started) / 1_000_000;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            System.out.printf("booklet: 300 resources, %d pages, %,d bytes, %d ms (first in this JVM)%n", pages, pdf.length, millis);
            assertTrue(pages > 20, pages + " pages");
            assertTrue(pdf.length < 3_000_000, pdf.length + " bytes");
            List<String> pageTexts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pageTexts.add(stripper.getText(doc).replaceAll("\\s+", ""));
            }
            for (Booklet.Entry e : all) {
                String tail = e.name().substring(e.name().lastIndexOf('第'));
                List<Integer> on = new ArrayList<>();
                for (int p = 0; p < pages; p++) {
                    String t = pageTexts.get(p);
                    if (t.contains(e.name().replaceAll("\\s+", "")) && t.contains(e.phone())
                            && t.contains(e.address().replaceAll("\\s+", ""))
                            && t.contains(e.schedule().replaceAll("\\s+", ""))) {
                        on.add(p);
                    }
                }
                assertEquals(1, on.size(), "resource " + tail + " must be whole on exactly one page: " + on);
            }
            long continued = pageTexts.stream().filter(t -> t.contains("（続き）")).count();
            assertTrue(continued >= pages - 1 - headings.length, continued + " pages with （続き）");
            for (String h : headings) {
                assertTrue(pageTexts.stream().anyMatch(t -> t.contains(h + "（続き）")), h);
            }
            // every body page starts with a category heading (new or continued)
            for (int p = 1; p < pages; p++) {
                String t = pageTexts.get(p);
                int at = p;
                assertTrue(Arrays.stream(headings).anyMatch(t::startsWith), "page " + (at + 1) + ": " + t.substring(0, 40));
            }
            String toc = pageTexts.get(0);
            assertTrue(toc.contains("サロン・通いの場2ページ"), toc);
        }
    }

    @Test
    void nothingToListStillMakesAFriendlyPage() throws IOException {
        Booklet.Model empty = new Booklet.Model(small().cover(), List.of());
        try (PDDocument doc = Loader.loadPDF(Booklet.pdf(empty))) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("条件に合う社会資源は、まだ登録されていません。"), text);
            assertTrue(text.contains("099-001-1122"), text);
        }
    }

    @Test
    void charactersTheFontLacksBecomeGeta() throws IOException {
        Booklet.Model model = new Booklet.Model(small().cover(), List.of(new Booklet.Section("薬局", List.of(
                new Booklet.Entry("くすり\u0007の店😀", null, null, "若葉1-1", null, null)))));
        try (PDDocument doc = Loader.loadPDF(Booklet.pdf(model))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("くすり の店"), text);
        }
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
