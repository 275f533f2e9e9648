package org.tsunagu.booklet.control;

import org.tsunagu.web.QrCode;
import com.google.zxing.common.BitMatrix;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * 社会資源マップ on paper: a PDF booklet of a 圏域's or a center's resources for residents who do not
 * use the internet — what centers otherwise compile by hand in a word processor every year. It is a
 * pure function of a {@link Model} (no database, no container), so its layout rules are tested on their
 * own and the same code serves the API and any batch printing.
 *
 * <p>Layout rules, chosen for older readers: A4 portrait; every text at least 12 pt with a line height
 * of 1.6; BIZ UDPGothic (a Universal Design face, SIL OFL 1.1, embedded as a subset so the file stays
 * small); a cover with the centers to call and a table of contents; one section per category, its
 * heading repeated with 「（続き）」 on every page the category continues on; a resource's block (name,
 * 日時, 次回, 住所, 電話 and a QR code to its page) is never split across pages; page numbers on every
 * page but the cover. Japanese lines break between characters, with the 禁則 rules of {@link BookletLines}.
 */
public final class Booklet {

    /** A center to call, on the cover. {@code hours} (受付時間) may be null when unknown. */
    public record Contact(String name, String address, String phone, String hours) {
    }

    /**
     * What the booklet covers: {@code scope} (「北部圏域」 or a center's name), the municipality as shown
     * (「みらい県 ひだまり市」), the centers to call, and the day the information was taken from the portal.
     */
    public record Cover(String scope, String municipality, List<Contact> contacts, LocalDate issued) {
        public Cover {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    /** One resource. Only {@code name} is required; {@code url} (its web page) becomes the QR code. */
    public record Entry(String name, String schedule, List<LocalDate> nextDates, String address, String phone,
                        String url) {
        public Entry {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an entry needs a name");
            }
            nextDates = nextDates == null ? List.of() : List.copyOf(nextDates);
        }
    }

    /** A category: its Japanese heading and its resources in reading order. */
    public record Section(String heading, List<Entry> entries) {
        public Section {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    public record Model(Cover cover, List<Section> sections) {
        public Model {
            if (cover == null) {
                throw new IllegalArgumentException("a booklet needs a cover");
            }
            sections = sections == null ? List.of() : List.copyOf(sections);
        }
    }

    public static final String TITLE = "地域資源マップ";
    static final String CONTINUED = "（続き）";

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN_X = 48;
    static final float TOP = PAGE.getHeight() - 48;
    static final float BOTTOM = 64;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN_X;
    /** The smallest text in the booklet: body, labels, footers. */
    static final float BODY = 12;
    static final float LEADING = 1.6f;
    static final float NAME = 15;
    static final float HEADING = 18;
    static final float QR = 78;
    static final float LABEL = 54;
    static final float PAD = 10;
    private static final float ASCENT = 0.88f;

    private static final String REGULAR_FONT = "/fonts/BIZUDPGothic-Regular.ttf";
    private static final String BOLD_FONT = "/fonts/BIZUDPGothic-Bold.ttf";
    private static volatile byte[] regularBytes;
    private static volatile byte[] boldBytes;

    private Booklet() {
    }

    /** The booklet as PDF bytes. */
    public static byte[] pdf(Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        write(model, out);
        return out.toByteArray();
    }

    /** Writes the booklet as PDF to {@code out} (not closed). */
    public static void write(Model model, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            Fonts fonts = new Fonts(load(doc, REGULAR_FONT), load(doc, BOLD_FONT));
            List<List<Op>> pages = new Layout(fonts).lay(model);
            for (List<Op> ops : pages) {
                PDPage page = new PDPage(PAGE);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (Op op : ops) {
                        op.draw(cs, fonts);
                    }
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(TITLE + " " + model.cover().scope());
            info.setSubject(model.cover().municipality());
            info.setCreator("Tsunagu つなぐ");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("Asia/Tokyo"));
            info.setCreationDate(created);
            doc.getDocumentCatalog().setLanguage("ja-JP");
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDType0Font load(PDDocument doc, String resource) throws IOException {
        return PDType0Font.load(doc, new ByteArrayInputStream(fontBytes(resource)), true);
    }

    private static byte[] fontBytes(String resource) throws IOException {
        boolean regular = REGULAR_FONT.equals(resource);
        byte[] cached = regular ? regularBytes : boldBytes;
        if (cached == null) {
            try (InputStream in = Booklet.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("font missing from the build: " + resource);
                }
                cached = in.readAllBytes();
            }
            if (regular) {
                regularBytes = cached;
            } else {
                boldBytes = cached;
            }
        }
        return cached;
    }

    /** 12月9日（火）、12月23日（火） */
    static String dates(List<LocalDate> dates) {
        return dates.stream().map(d -> d.getMonthValue() + "月" + d.getDayOfMonth() + "日（"
                + "月火水木金土日".charAt(d.getDayOfWeek().getValue() - 1) + "）").collect(Collectors.joining("、"));
    }

    static String issued(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日現在";
    }

    // --- fonts ---------------------------------------------------------------------------------

    enum Face { REGULAR, BOLD }

    /** The two embedded faces; measures text and replaces what the font cannot show with 〓 (げた). */
    static final class Fonts {
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final Map<Integer, Boolean> shown = new HashMap<>();

        Fonts(PDType0Font regular, PDType0Font bold) {
            this.regular = regular;
            this.bold = bold;
        }

        PDType0Font of(Face face) {
            return face == Face.BOLD ? bold : regular;
        }

        double width(Face face, float size, String text) {
            try {
                return of(face).getStringWidth(text) / 1000.0 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The text with control characters as spaces, variation selectors dropped, missing glyphs as 〓. */
        String printable(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder b = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    b.append('\n');
                } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                        || cp == 0x2028 || cp == 0x2029) {
                    b.append(' ');
                } else if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
                    // variation selectors: the base character alone
                } else if (shown.computeIfAbsent(cp, this::hasGlyph)) {
                    b.appendCodePoint(cp);
                } else {
                    b.append('〓');
                }
            });
            return b.toString();
        }

        private boolean hasGlyph(int cp) {
            String s = new String(Character.toChars(cp));
            try {
                regular.encode(s);
                bold.encode(s);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }

    // --- what is drawn -------------------------------------------------------------------------

    /** A drawing instruction on a page; y grows upwards as in PDF. */
    private sealed interface Op permits Text, Fill, Rule, Qr, TocLine {
        void draw(PDPageContentStream cs, Fonts fonts) throws IOException;

        Op down(float dy);
    }

    private record Text(Face face, float size, float x, float y, String text) implements Op {
        public void draw(PDPageContentStream cs, Fonts fonts) throws IOException {
            cs.beginText();
            cs.setFont(fonts.of(face), size);
            cs.newLineAtOffset(x, y);
            cs.showText(text);
            cs.endText();
        }

        public Op down(float dy) {
            return new Text(face, size, x, y - dy, text);
        }
    }

    private record Fill(float x, float y, float w, float h, float gray) implements Op {
        public void draw(PDPageContentStream cs, Fonts fonts) throws IOException {
            cs.setNonStrokingColor(gray);
            cs.addRect(x, y, w, h);
            cs.fill();
            cs.setNonStrokingColor(0f);
        }

        public Op down(float dy) {
            return new Fill(x, y - dy, w, h, gray);
        }
    }

    private record Rule(float x1, float x2, float y, float width, float gray) implements Op {
        public void draw(PDPageContentStream cs, Fonts fonts) throws IOException {
            cs.setStrokingColor(gray);
            cs.setLineWidth(width);
            cs.moveTo(x1, y);
            cs.lineTo(x2, y);
            cs.stroke();
            cs.setStrokingColor(0f);
        }

        public Op down(float dy) {
            return new Rule(x1, x2, y - dy, width, gray);
        }
    }

    /**
     * A line of the table of contents: the category, and its page number right-aligned, known only
     * once the sections are laid out (the holder is filled then; copies share it).
     */
    private record TocLine(float size, float x, float right, float y, String label, StringBuilder number) implements Op {
        public void draw(PDPageContentStream cs, Fonts fonts) throws IOException {
            new Text(Face.REGULAR, size, x, y, label).draw(cs, fonts);
            String n = number.toString();
            float w = (float) fonts.width(Face.REGULAR, size, n);
            new Text(Face.REGULAR, size, right - w, y, n).draw(cs, fonts);
        }

        public Op down(float dy) {
            return new TocLine(size, x, right, y - dy, label, number);
        }
    }

    /** A QR code as vector squares (runs of dark modules merged), top-left corner at (x, y). */
    private record Qr(float x, float y, float size, BitMatrix modules) implements Op {
        public void draw(PDPageContentStream cs, Fonts fonts) throws IOException {
            float m = size / modules.getWidth();
            cs.setNonStrokingColor(0f);
            for (int row = 0; row < modules.getHeight(); row++) {
                int col = 0;
                while (col < modules.getWidth()) {
                    if (!modules.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < modules.getWidth() && modules.get(col, row)) {
                        col++;
                    }
                    cs.addRect(x + start * m, y - (row + 1) * m, (col - start) * m, m);
                }
            }
            cs.fill();
        }

        public Op down(float dy) {
            return new Qr(x, y - dy, size, modules);
        }
    }

    // --- layout --------------------------------------------------------------------------------

    /**
     * Content measured before it is placed: lines (or rows) of known height, drawn with y relative
     * to the block's top (0, going negative). A block is kept on one page unless it is taller than a
     * page, which only absurdly long texts are; then it is cut between its lines.
     */
    private static final class Block {
        final List<Float> heights = new ArrayList<>();
        final List<List<Op>> lines = new ArrayList<>();
        float height;

        List<Op> line(float h) {
            List<Op> ops = new ArrayList<>();
            heights.add(h);
            lines.add(ops);
            height += h;
            return ops;
        }

        float top() {
            return -height;
        }
    }

    private static final class Layout {
        private final Fonts fonts;
        private final List<List<Op>> pages = new ArrayList<>();
        private float y;
        /** What a page started in the middle of a run of blocks begins with (a 「（続き）」 heading). */
        private Block continuation;

        Layout(Fonts fonts) {
            this.fonts = fonts;
        }

        List<List<Op>> lay(Model model) {
            newPage();
            List<StringBuilder> toc = cover(model);
            for (int i = 0; i < model.sections().size(); i++) {
                int first = section(model.sections().get(i));
                toc.get(i).append(first).append("ページ");
            }
            int total = pages.size();
            for (int i = 1; i < total; i++) {
                String number = (i + 1) + " / " + total;
                float w = (float) fonts.width(Face.REGULAR, BODY, number);
                pages.get(i).add(new Text(Face.REGULAR, BODY, (PAGE.getWidth() - w) / 2, 32, number));
                pages.get(i).add(new Rule(MARGIN_X, PAGE.getWidth() - MARGIN_X, 52, 0.5f, 0.6f));
            }
            return pages;
        }

        /** Lays out the cover; returns the holders of the table of contents' page numbers. */
        private List<StringBuilder> cover(Model model) {
            Cover c = model.cover();
            Block head = new Block();
            text(head, Face.REGULAR, 14, LEADING, MARGIN_X, WIDTH, c.municipality());
            text(head, Face.BOLD, 30, 1.4f, MARGIN_X, WIDTH, TITLE);
            text(head, Face.BOLD, 20, 1.5f, MARGIN_X, WIDTH, c.scope());
            text(head, Face.REGULAR, BODY, LEADING, MARGIN_X, WIDTH, c.issued() == null ? null : issued(c.issued()));
            head.line(8);
            float rule = head.top();
            head.line(4).add(new Rule(MARGIN_X, PAGE.getWidth() - MARGIN_X, rule - 2, 2f, 0f));
            head.line(10);
            if (!model.sections().isEmpty()) {
                text(head, Face.REGULAR, BODY, LEADING, MARGIN_X, WIDTH, "掲載している分野："
                        + model.sections().stream().map(Section::heading).collect(Collectors.joining("、")));
            }
            text(head, Face.REGULAR, BODY, LEADING, MARGIN_X, WIDTH,
                    "お近くの通いの場や相談窓口、医療機関などをまとめました。"
                            + "それぞれの右にあるQRコードをスマートフォンで読み取ると、最新の情報をご覧いただけます。"
                            + "日時は変わることがあります。お出かけの前にお問い合わせください。");
            place(head);

            if (!c.contacts().isEmpty()) {
                Block heading = subheading("お問い合わせ先");
                continuation = subheading("お問い合わせ先" + CONTINUED);
                List<Block> blocks = c.contacts().stream().map(this::contact).toList();
                keepWithNext(heading, blocks.get(0));
                place(heading);
                blocks.forEach(this::place);
                continuation = null;
            }

            List<StringBuilder> toc = new ArrayList<>();
            if (model.sections().isEmpty()) {
                Block none = new Block();
                none.line(12);
                text(none, Face.BOLD, 14, LEADING, MARGIN_X + 12, WIDTH - 24, "条件に合う社会資源は、まだ登録されていません。");
                text(none, Face.REGULAR, BODY, LEADING, MARGIN_X + 12, WIDTH - 24,
                        "分野や地域を変えてお試しいただくか、上のお問い合わせ先にご相談ください。");
                none.line(12);
                none.lines.get(0).add(0, new Fill(MARGIN_X, -none.height, WIDTH, none.height, 0.92f));
                place(spacer(16));
                place(none);
                return toc;
            }
            Block contents = subheading("もくじ");
            for (Section s : model.sections()) {
                StringBuilder number = new StringBuilder();
                toc.add(number);
                float top = contents.top();
                contents.line(13 * LEADING).add(new TocLine(13, MARGIN_X + 8, PAGE.getWidth() - MARGIN_X,
                        top + baseline(0, 13, LEADING), fonts.printable(s.heading()), number));
            }
            place(spacer(8));
            place(contents);
            return toc;
        }

        /** Places a category; returns the page number (1-based) it starts on. */
        private int section(Section s) {
            Block heading = heading(s.heading());
            List<Block> blocks = s.entries().stream().map(this::entry).toList();
            if (blocks.isEmpty()) {
                Block none = new Block();
                text(none, Face.REGULAR, BODY, LEADING, MARGIN_X, WIDTH, "現在、登録はありません。");
                blocks = List.of(none);
            }
            if (pages.size() == 1) {
                newPage();
            }
            keepWithNext(heading, blocks.get(0));
            int start = pages.size();
            place(heading);
            continuation = heading(s.heading() + CONTINUED);
            blocks.forEach(this::place);
            continuation = null;
            return start;
        }

        private Block heading(String text) {
            Block b = new Block();
            List<String> lines = BookletLines.wrap(fonts.printable(text), WIDTH - 24,
                    t -> fonts.width(Face.BOLD, HEADING, t));
            float lh = HEADING * 1.5f;
            float h = lines.size() * lh + 12;
            List<Op> band = b.line(6);
            band.add(new Fill(MARGIN_X, -6 - h, WIDTH, h, 0.88f));
            band.add(new Fill(MARGIN_X, -6 - h, 6, h, 0.25f));
            b.line(6);
            for (String line : lines) {
                float top = b.top();
                b.line(lh).add(new Text(Face.BOLD, HEADING, MARGIN_X + 16, top + baseline(0, HEADING, 1.5f), line));
            }
            b.line(6);
            b.line(8);
            return b;
        }

        private Block subheading(String text) {
            Block b = new Block();
            b.line(10);
            text(b, Face.BOLD, 16, 1.5f, MARGIN_X, WIDTH, text);
            float rule = b.top();
            b.line(4).add(new Rule(MARGIN_X, PAGE.getWidth() - MARGIN_X, rule - 2, 1f, 0.3f));
            b.line(6);
            return b;
        }

        private Block contact(Contact c) {
            Block b = new Block();
            b.line(6);
            text(b, Face.BOLD, 15, 1.5f, MARGIN_X + 8, WIDTH - 8, c.name());
            row(b, "住所", c.address(), Face.REGULAR, BODY, WIDTH - 8, MARGIN_X + 8);
            row(b, "電話", c.phone(), Face.BOLD, 16, WIDTH - 8, MARGIN_X + 8);
            row(b, "受付時間", c.hours(), Face.REGULAR, BODY, WIDTH - 8, MARGIN_X + 8);
            b.line(6);
            return b;
        }

        private Block entry(Entry e) {
            Block b = new Block();
            float textWidth = WIDTH - QR - 14;
            List<Op> first = b.line(PAD);
            if (e.url() != null && !e.url().isBlank()) {
                first.add(new Qr(PAGE.getWidth() - MARGIN_X - QR, -PAD / 2, QR, QrCode.modules(e.url())));
            }
            text(b, Face.BOLD, NAME, 1.45f, MARGIN_X, textWidth, e.name());
            b.line(3);
            row(b, "日時", e.schedule(), Face.REGULAR, BODY, textWidth, MARGIN_X);
            row(b, "次回", e.nextDates().isEmpty() ? null : dates(e.nextDates()), Face.REGULAR, BODY, textWidth, MARGIN_X);
            row(b, "住所", e.address(), Face.REGULAR, BODY, textWidth, MARGIN_X);
            row(b, "電話", e.phone(), Face.BOLD, BODY + 1, textWidth, MARGIN_X);
            float minimum = QR + PAD;
            if (b.height < minimum) {
                b.line(minimum - b.height);
            }
            float rule = b.top();
            b.line(PAD).add(new Rule(MARGIN_X, PAGE.getWidth() - MARGIN_X, rule - PAD, 0.75f, 0.6f));
            return b;
        }

        /** Adds wrapped text, one block line per text line. */
        private void text(Block b, Face face, float size, float leading, float x, float width, String text) {
            if (text == null || text.isBlank()) {
                return;
            }
            for (String line : BookletLines.wrap(fonts.printable(text), width, t -> fonts.width(face, size, t))) {
                float top = b.top();
                b.line(size * leading).add(new Text(face, size, x, top + baseline(0, size, leading), line));
            }
        }

        /** A labelled row: the label in bold in its own column, the value wrapped beside it. */
        private void row(Block b, String label, String value, Face face, float size, float width, float x) {
            if (value == null || value.isBlank()) {
                return;
            }
            float labelWidth = Math.max(LABEL, (float) fonts.width(Face.BOLD, BODY, label) + 12);
            List<String> lines = BookletLines.wrap(fonts.printable(value), width - labelWidth,
                    t -> fonts.width(face, size, t));
            float lh = Math.max(size, BODY) * LEADING;
            for (int i = 0; i < lines.size(); i++) {
                float top = b.top();
                List<Op> ops = b.line(lh);
                if (i == 0) {
                    ops.add(new Text(Face.BOLD, BODY, x, top + baseline(0, size, LEADING), label));
                }
                ops.add(new Text(face, size, x + labelWidth, top + baseline(0, size, LEADING), lines.get(i)));
            }
        }

        private static Block spacer(float h) {
            Block b = new Block();
            b.line(h);
            return b;
        }

        /** Baseline of a line whose box starts at {@code top}: half the leading above, then the ascent. */
        private static float baseline(float top, float size, float leading) {
            return top - (size * leading - size) / 2 - size * ASCENT;
        }

        /** A heading is never the last thing on a page: it moves on with the first block after it. */
        private void keepWithNext(Block heading, Block next) {
            float fullPage = TOP - BOTTOM;
            float nextHeight = Math.min(next.height, fullPage - heading.height);
            if (heading.height + nextHeight > y - BOTTOM && y < TOP) {
                Block saved = continuation;
                continuation = null;
                newPage();
                continuation = saved;
            }
        }

        private void place(Block b) {
            float room = y - BOTTOM;
            if (b.height <= room) {
                put(b, 0, b.lines.size());
                return;
            }
            float fullPage = TOP - BOTTOM - (continuation == null ? 0 : continuation.height);
            if (b.height <= fullPage) {
                newPage();
                put(b, 0, b.lines.size());
                return;
            }
            // Taller than a page: start on a fresh page and cut between lines.
            if (y < TOP - (continuation == null ? 0 : continuation.height)) {
                newPage();
            }
            int from = 0;
            while (from < b.lines.size()) {
                float used = 0;
                int to = from;
                while (to < b.lines.size() && used + b.heights.get(to) <= y - BOTTOM) {
                    used += b.heights.get(to);
                    to++;
                }
                if (to == from) {
                    to = from + 1;
                }
                put(b, from, to);
                from = to;
                if (from < b.lines.size()) {
                    newPage();
                }
            }
        }

        /** Draws lines [from, to) of a block at the cursor and moves the cursor down. */
        private void put(Block b, int from, int to) {
            float offset = 0;
            for (int i = 0; i < from; i++) {
                offset += b.heights.get(i);
            }
            List<Op> page = pages.get(pages.size() - 1);
            float h = 0;
            for (int i = from; i < to; i++) {
                for (Op op : b.lines.get(i)) {
                    // block coordinates are relative to its top (0); line `from` goes to the cursor
                    page.add(op.down(-(y + offset)));
                }
                h += b.heights.get(i);
            }
            y -= h;
        }

        private void newPage() {
            pages.add(new ArrayList<>());
            y = TOP;
            if (continuation != null) {
                put(continuation, 0, continuation.lines.size());
            }
        }
    }
}
