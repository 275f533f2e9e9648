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
        return map((column, text) -> EncryptedText.seal(text, Alert.TABLE, column, receiptNo));
    }

    /** A plain copy of what {@link #sealed} stored for the alert {@code receiptNo}. */
    PersonSeen opened(String receiptNo) {
        return map((column, text) -> EncryptedText.open(text, Alert.TABLE, column, receiptNo));
    }

    /** A copy with every field passed through {@code f} (column name, text). */
    private PersonSeen map(java.util.function.BinaryOperator<String> f) {
        PersonSeen p = new PersonSeen();
        p.name = f.apply("person_name", name);
        p.approximateAge = f.apply("person_age", approximateAge);
        p.sex = f.apply("person_sex", sex);
        p.description = f.apply("person_description", description);
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
