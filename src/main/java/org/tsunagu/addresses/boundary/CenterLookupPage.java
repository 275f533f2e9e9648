package org.tsunagu.addresses.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.control.Centers;


/**
 * 「担当の地域包括支援センターを調べる」: address in, responsible center out. A GET page
 * (/centers/lookup?address=…) so that a center can hand out the link.
 */
@Named
@RequestScoped
public class CenterLookupPage {

    @Inject
    AreaLookup lookup;

    @Inject
    Centers centers;

    private String address;
    private AreaLookup.Result result;
    private String problem;

    /** Runs the lookup for the address from the URL; invalid input becomes a message, never an error page. */
    public void load() {
        if (address == null) {
            return;
        }
        if (address.isBlank()) {
            problem = "lookup.missing";
        } else if (address.length() > AreaLookup.MAX_ADDRESS) {
            problem = "lookup.tooLong";
        } else {
            result = lookup.lookup(address, null);
        }
    }

    public String townList(org.tsunagu.areas.entity.Center c) {
        return String.join("、", centers.catchmentNames(c));
    }

    /** The address for a link to the resources near it. */
    public String getEncodedAddress() {
        return address == null ? "" : java.net.URLEncoder.encode(address.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public AreaLookup.Result getResult() {
        return result;
    }

    public String getProblem() {
        return problem;
    }
}
