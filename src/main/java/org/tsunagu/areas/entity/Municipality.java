package org.tsunagu.areas.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.regex.Pattern;

/**
 * 市区町村: the owner of towns, centers and resources. One deployment may serve several
 * (a prefecture-wide portal), so every area record belongs to exactly one municipality,
 * identified by its 6-digit 全国地方公共団体コード.
 */
@Entity
@Table(name = "municipality")
@NamedQuery(name = Municipality.FIND_BY_CODE, query = "SELECT m FROM Municipality m WHERE m.code = :code")
@NamedQuery(name = Municipality.FIND_ALL, query = "SELECT m FROM Municipality m ORDER BY m.code")
public class Municipality {

    public static final String FIND_BY_CODE = "Municipality.findByCode";
    public static final String FIND_ALL = "Municipality.findAll";
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    @Id
    @SequenceGenerator(name = "municipality_seq", sequenceName = "municipality_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "municipality_seq")
    private Long id;

    @Column(nullable = false, length = 6, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String prefecture;

    /** A fictional municipality shipped for demonstration; shown with 「（デモ）」. */
    private boolean demo;

    @Version
    private long version;

    protected Municipality() {
        // JPA
    }

    public Municipality(String code, String prefecture, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("municipality code must be 6 digits: " + code);
        }
        this.code = code;
        rename(prefecture, name);
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public void rename(String prefecture, String name) {
        if (prefecture == null || prefecture.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("prefecture and name are required");
        }
        this.prefecture = prefecture.strip();
        this.name = name.strip();
    }

    public void markDemo() {
        this.demo = true;
    }

    /** The name as shown to people: demo municipalities say so. */
    public String displayName() {
        return demo ? name + "（デモ）" : name;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getPrefecture() {
        return prefecture;
    }

    public boolean isDemo() {
        return demo;
    }
}
