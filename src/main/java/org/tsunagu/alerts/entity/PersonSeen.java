package org.tsunagu.alerts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.tsunagu.persistence.EncryptedText;

/** The person the partner noticed, as far as the partner could tell. Personal data: never logged, sealed at rest. */
@Embeddable
public class PersonSeen {

    @Convert(converter = EncryptedText.class)
    @Column(name = "person_name")
    private String name;

    /** Approximate, e.g. 80代. */
    @Convert(converter = EncryptedText.class)
    @Column(name = "person_age")
    private String approximateAge;

    @Convert(converter = EncryptedText.class)
    @Column(name = "person_sex")
    private String sex;

    @Convert(converter = EncryptedText.class)
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
