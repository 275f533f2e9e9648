package org.tsunagu.booklet.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.booklet.control.Booklets;
import org.tsunagu.directory.entity.Category;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * 「冊子（PDF）を作る」: staff and residents choose a center or a 圏域 and the categories, and get the
 * printable resource map. The page only composes the address of {@code GET /api/v1/booklets} and
 * redirects there, so the PDF has one source and the link can be bookmarked or shared.
 */
@Named
@RequestScoped
public class BookletPage {

    @Inject
    Centers centers;

    /** {@code center:<code>} or {@code region:<municipality code>:<name>}. */
    private String scope;
    private List<String> categories = new ArrayList<>(Arrays.stream(Category.values()).map(Category::code).toList());
    private List<SelectItem> scopes;

    /** Per municipality: its 圏域, then its centers (core first). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SelectItem> getScopes() {
        if (scopes == null) {
            scopes = new ArrayList<>();
            for (Municipality m : centers.municipalities()) {
                List<Center> list = centers.of(m).stream()
                        .sorted(Comparator.comparing((Center c) -> !c.isCore()).thenComparing(Center::getCode)).toList();
                if (list.isEmpty()) {
                    continue;
                }
                List<SelectItem> regions = list.stream().map(Center::getRegionName).filter(Objects::nonNull).distinct()
                        .sorted().map(r -> new SelectItem("region:" + m.getCode() + ":" + r, Booklets.regionTitle(r)))
                        .toList();
                if (!regions.isEmpty()) {
                    scopes.add(group(m.displayName() + " — " + text("booklet.regions"), regions));
                }
                scopes.add(group(m.displayName() + " — " + text("booklet.centers"),
                        list.stream().map(c -> new SelectItem("center:" + c.getCode(), c.getName())).toList()));
            }
        }
        return scopes;
    }

    public List<Category> getCategoryChoices() {
        return List.of(Category.values());
    }

    /** Checks the choice and redirects to the PDF. */
    public String make() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        String query = null;
        if (scope != null && scope.startsWith("center:")) {
            query = "center=" + encode(scope.substring("center:".length()));
        } else if (scope != null && scope.matches("region:[0-9]{6}:.+")) {
            query = "region=" + encode(scope.substring(14)) + "&municipality=" + scope.substring(7, 13);
        }
        if (query == null) {
            faces.addMessage("booklet:scope", new FacesMessage(FacesMessage.SEVERITY_ERROR, text("booklet.scope.missing"), null));
        }
        if (categories == null || categories.isEmpty()) {
            faces.addMessage("booklet:categories",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, text("booklet.categories.missing"), null));
        }
        if (!faces.getMessageList().isEmpty()) {
            return null;
        }
        ExternalContext ext = faces.getExternalContext();
        ext.redirect(ext.getRequestContextPath() + "/api/v1/booklets?" + query + "&category="
                + encode(String.join(",", categories)));
        faces.responseComplete();
        return null;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories;
    }

    private static SelectItemGroup group(String label, List<SelectItem> items) {
        SelectItemGroup g = new SelectItemGroup(label);
        g.setSelectItems(items);
        return g;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String text(String key) {
        return org.tsunagu.web.PageText.of(key);
    }
}
