package org.tsunagu.directory.boundary;

import org.tsunagu.web.PageText;
import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.directory.control.ResourceEdits;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceStatus;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * 社会資源の一覧 for staff (/staff/resources): what the center maintains, filtered by status,
 * category and 「1年以上確認していない」, each with a link to its editor.
 */
@Named
@RequestScoped
public class ResourceListPage {

    static final int MAX = 2000;

    /** One line: enough to find the entry and see whether it needs attention. */
    public record Line(long id, String name, String category, String status, String statusCode, String town,
                       String verifiedAt, boolean stale) {
    }

    @Inject
    Caller caller;

    @Inject
    ResourceEdits edits;

    private String status;
    private String category;
    private boolean stale;
    private List<Line> lines;

    public List<Line> getLines() {
        if (lines == null) {
            ResourceStatus st = Arrays.stream(ResourceStatus.values()).filter(s -> s.name().equalsIgnoreCase(status))
                    .findFirst().orElse(null);
            Category cat = category == null ? null : Category.ofCode(category).orElse(null);
            Instant cutoff = edits.staleCutoff(Instant.now());
            lines = caller.find()
                    .map(me -> edits.maintained(me, st, cat, stale, MAX).stream().map(r -> line(r, cutoff)).toList())
                    .orElse(List.of());
        }
        return lines;
    }

    static Line line(Resource r, Instant cutoff) {
        Instant checked = r.getVerifiedAt() != null ? r.getVerifiedAt() : r.getCreatedAt();
        String code = r.getStatus().name().toLowerCase(java.util.Locale.ROOT);
        return new Line(r.getId(), r.getName(), r.getCategory().labelJa(), PageText.of("resource.status." + code),
                code, r.getTown() == null ? "" : r.getTown().displayName(),
                r.getVerifiedAt() == null ? "" : JapanTime.MINUTE.format(r.getVerifiedAt().atZone(JapanTime.ZONE)),
                checked == null || checked.isBefore(cutoff));
    }

    public List<Category> getCategories() {
        return List.of(Category.values());
    }

    public boolean isTruncated() {
        return getLines().size() >= MAX;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public boolean isStale() {
        return stale;
    }

    public void setStale(boolean stale) {
        this.stale = stale;
    }
}
