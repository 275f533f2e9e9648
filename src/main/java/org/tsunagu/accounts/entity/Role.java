package org.tsunagu.accounts.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an account may do. The code is also the Jakarta Security group name, so
 * {@code @RolesAllowed("staff")} and {@code isUserInRole("core")} read like the API contract.
 */
public enum Role {
    /** Belongs to one partner organisation; files watch alerts. */
    PARTNER("partner"),
    /** Belongs to one center; sees that center's alerts and resources. */
    STAFF("staff"),
    /** Staff of the core (基幹型) center: sees every center. */
    CORE("core"),
    /** Manages accounts, partners and configuration. */
    ADMIN("admin");

    public static final String PARTNER_ROLE = "partner";
    public static final String STAFF_ROLE = "staff";
    public static final String CORE_ROLE = "core";
    public static final String ADMIN_ROLE = "admin";

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
