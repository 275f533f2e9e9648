package org.tsunagu.booklet.boundary;

import org.tsunagu.booklet.control.BookletCache;
import org.tsunagu.problems.Problems;
import org.tsunagu.calendar.control.JapanTime;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Region;
import org.tsunagu.booklet.control.Booklet;
import org.tsunagu.booklet.control.Booklets;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.problems.QueryParameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/booklets}: the printable resource map (PDF) of one center's catchment or one
 * 圏域, for residents who do not use the internet. Public, like the resources it lists. Exactly one
 * of {@code center} and {@code region} (with {@code municipality} when the 圏域 name exists in more
 * than one); {@code category} comma-separated or repeated, absent = every category. When nothing
 * matches, the answer is still a PDF: its cover says so and gives the centers to call — a printed
 * sheet is more useful to a resident than an error, and the parameters were valid.
 */
@Path("booklets")
public class BookletsResource {

    static final String PDF = "application/pdf";

    @Inject
    Booklets booklets;

    @Inject
    Centers centers;

    @Inject
    BookletCache cache;

    @GET
    @Produces(PDF)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Printable resource map (PDF booklet) of a center or a region, for chosen categories")
    public Response booklet(@QueryParam("center") String center, @QueryParam("region") String region,
                            @QueryParam("municipality") String municipality, @QueryParam("category") List<String> category) {
        QueryParameters p = new QueryParameters();
        String centerCode = p.text("center", center, 64);
        String regionName = p.text("region", region, 100);
        String municipalityCode = p.text("municipality", municipality, 6);
        Set<Category> categories = categories(p, category);
        if (centerCode == null && regionName == null && !p.failed("center") && !p.failed("region")) {
            p.error("center", "center（センターコード）か region（圏域）のどちらかを指定してください");
        }
        if (centerCode != null && regionName != null) {
            p.error("region", "center と region は同時に指定できません");
        }
        Municipality m = null;
        if (municipalityCode != null) {
            m = Municipality.isValidCode(municipalityCode) ? booklets.municipality(municipalityCode).orElse(null) : null;
            if (m == null) {
                p.error("municipality", "municipality が不明です: " + QueryParameters.shown(municipalityCode));
            }
        }
        p.verify();

        LocalDate today = LocalDate.now(JapanTime.ZONE);
        BookletCache.Key key;
        java.util.function.Supplier<Booklet.Model> render;
        String file;
        if (centerCode != null) {
            Center c = centers.find(centerCode).filter(found -> municipalityCode == null
                            || (found.getMunicipality() != null && found.getMunicipality().getCode().equals(municipalityCode)))
                    .orElse(null);
            if (c == null) {
                p.error("center", "center が不明です: " + QueryParameters.shown(centerCode));
                p.verify();
            }
            Center chosen = c;
            key = new BookletCache.Key("center:" + c.getCode(), codes(categories), today);
            render = () -> booklets.forCenter(chosen, categories, today);
            file = "booklet-" + ascii(c.getCode());
        } else {
            List<Region> found = booklets.regions(regionName, m);
            if (found.isEmpty()) {
                p.error("region", "region が不明です: " + QueryParameters.shown(regionName));
            } else if (found.size() > 1) {
                p.error("municipality", "圏域「" + QueryParameters.shown(regionName)
                        + "」は複数の市区町村にあります。municipality（6桁のコード）を指定してください");
            }
            p.verify();
            Region r = found.get(0);
            key = new BookletCache.Key("region:" + r.getId(), codes(categories), today);
            render = () -> booklets.forRegion(r, categories, today);
            file = "booklet-" + r.getMunicipality().getCode() + "-region-" + r.getId();
        }
        BookletCache.Rendered booklet;
        try {
            // rendered once per scope, categories, day and data version; renders bounded (BookletCache)
            booklet = cache.get(key, () -> {
                Booklet.Model model = render.get();
                return new BookletCache.Rendered(Booklet.pdf(model), model.cover().scope());
            });
        } catch (BookletCache.Busy busy) {
            return Response.fromResponse(Problems.response(503, "Service Unavailable",
                    "冊子の作成が混み合っています。しばらくしてからもう一度お試しください。(Booklets are busy; please try again shortly.)"))
                    .header("Retry-After", "10").build();
        }
        byte[] pdf = booklet.pdf();
        String title = Booklet.TITLE + "_" + booklet.scope() + "_" + today + ".pdf";
        return Response.ok(pdf, PDF)
                .header("Content-Disposition", "inline; filename=\"" + file + "-" + today + ".pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A"))
                .header("Content-Length", pdf.length)
                .build();
    }

    /** Codes comma-separated or repeated; none = all. Unknown codes are field errors. */
    private static Set<Category> categories(QueryParameters p, List<String> values) {
        Set<Category> chosen = EnumSet.noneOf(Category.class);
        for (String value : values) {
            for (String code : value.split(",", -1)) {
                String c = code.strip();
                if (c.isEmpty()) {
                    continue;
                }
                Category.ofCode(c).ifPresentOrElse(chosen::add,
                        () -> p.error("category", "category が不明です: " + QueryParameters.shown(c)));
            }
        }
        return chosen.isEmpty() ? EnumSet.allOf(Category.class) : chosen;
    }

    /** The categories as one stable text (the cache key): codes in enum order. */
    private static String codes(Set<Category> categories) {
        return categories.stream().map(Category::code).collect(java.util.stream.Collectors.joining(","));
    }

    private static String ascii(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
