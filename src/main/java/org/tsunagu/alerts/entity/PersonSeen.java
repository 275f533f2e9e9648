package org.tsunagu.alerts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.tsunagu.persistence.EncryptedText;

/**
 * The person the partner noticed, as far as the partner could tell. Personal data: never logged,
 * sealed at rest. The instance embedded in an {@link Alert} holds the sealed texts (bound to the
 * alert's receipt number, {@link #sealed}); the alert hands out an opened copy ({@link #opened}).
 */
@Embeddable
public class PersonSeen {

    @Column(name = "person_name")
    private String name;

    /** Approximate, e.g. 80代. */
    @Column(name = "person_age")
    private String approximateAge;

    @Column(name = "person_sex")
    private String sex;

    @Column(name = "person_description")
    private String description;

    protected PersonSeen() {
        // JPA
    }

    public PersonSeen(String name, String approximateAge, String sex, String description) {
        this.name = blankToNull(name);
        this.approximateAge = blankToNull(approximateAge);
        this.sex = blankToNull(sex);
        this.description = blankToNull(description);
    }

    /** A copy holding the sealed texts of the alert {@code receiptNo} (what the alert row stores). */
    PersonSeen sealed(String receiptNo) {
        PersonSeen p = new PersonSeen();
        p.name = EncryptedText.seal(name, Alert.TABLE, "person_name", receiptNo);
        p.approximateAge = EncryptedText.seal(approximateAge, Alert.TABLE, "person_age", receiptNo);
        p.sex = EncryptedText.seal(sex, Alert.TABLE, "person_sex", receiptNo);
        p.description = EncryptedText.seal(description, Alert.TABLE, "person_description", receiptNo);
        return p;
    }

    /** A plain copy of what {@link #sealed} stored for the alert {@code receiptNo}. */
    PersonSeen opened(String receiptNo) {
        PersonSeen p = new PersonSeen();
        p.name = EncryptedText.open(name, Alert.TABLE, "person_name", receiptNo);
        p.approximateAge = EncryptedText.open(approximateAge, Alert.TABLE, "person_age", receiptNo);
        p.sex = EncryptedText.open(sex, Alert.TABLE, "person_sex", receiptNo);
        p.description = EncryptedText.open(description, Alert.TABLE, "person_description", receiptNo);
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String name() {
        return name;
    }

    public String approximateAge() {
        return approximateAge;
    }

    public String sex() {
        return sex;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "PersonSeen[redacted]";
    }
}
