package org.tsunagu.directory.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletResponse;
import org.tsunagu.web.PublicAddress;
import org.tsunagu.web.QrCode;
import org.tsunagu.calendar.control.Recurrence;
import org.tsunagu.directory.entity.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * A resource's page for residents (/resources/{id}): what it is, for whom, cost, reservation, when
 * (the next three dates), where, access and contact. Only published resources; anything else is the
 * portal's 404 page.
 */
@Named
@RequestScoped
public class ResourcePage {

    @PersistenceContext
    EntityManager em;

    @Inject
    PublicAddress publicAddress;

    private Resource resource;
    private List<LocalDate> nextDates = List.of();

    public void load() {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        Object id = ctx.getRequestMap().get(ResourcePages.ID);
        if (id == null) {
            id = ctx.getRequestParameterMap().get("id");
        }
        if (id instanceof String s && s.matches("[0-9]{1,18}")) {
            resource = em.find(Resource.class, Long.parseLong(s));
        }
        if (resource == null || !resource.isPublished()) {
            resource = null;
            try {
                ctx.responseSendError(HttpServletResponse.SC_NOT_FOUND, "no such resource");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        nextDates = Recurrence.of(resource.getSchedule()).nextDates(LocalDate.now(JapanTime.ZONE), 3);
    }

    public Resource getResource() {
        return resource;
    }

    public List<LocalDate> getNextDates() {
        return nextDates;
    }

    /** The page's public address (for the printed sheet's QR code): the configured base, never the Host header. */
    public String getPageUrl() {
        return publicAddress.of("/resources/" + resource.getId());
    }

    public String getQrSvg() {
        return QrCode.svg(getPageUrl(), resource.getName());
    }

    public String getCategoryLabel() {
        FacesContext fc = FacesContext.getCurrentInstance();
        boolean english = fc.getViewRoot() != null && "en".equals(fc.getViewRoot().getLocale().getLanguage());
        return english ? resource.getCategory().labelEn() : resource.getCategory().labelJa();
    }
}
