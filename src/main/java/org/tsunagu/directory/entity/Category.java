package org.tsunagu.directory.entity;

import java.util.Arrays;
import java.util.Optional;

/** The twelve kinds of 社会資源 residents look for; codes are part of the API contract. */
public enum Category {
    SALON("salon", "サロン・通いの場", "Salons and gathering places"),
    DEMENTIA_CAFE("dementia_cafe", "認知症カフェ", "Dementia cafes"),
    COMMUNITY_CAFE("community_cafe", "地域カフェ", "Community cafes"),
    EXERCISE("exercise", "介護予防・体操教室", "Exercise classes"),
    CLINIC("clinic", "診療所・クリニック", "Clinics"),
    HOSPITAL("hospital", "病院", "Hospitals"),
    DENTAL("dental", "歯科", "Dentists"),
    PHARMACY("pharmacy", "薬局", "Pharmacies"),
    HOME_NURSING("home_nursing", "訪問看護ステーション", "Home-visit nursing"),
    CONSULTATION("consultation", "相談窓口", "Consultation desks"),
    CARE_SERVICE("care_service", "介護サービス事業所", "Care services"),
    WATCH_PARTNER("watch_partner", "見守り協定事業者", "Watch partners");

    private final String code;
    private final String labelJa;
    private final String labelEn;

    Category(String code, String labelJa, String labelEn) {
        this.code = code;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    public String code() {
        return code;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<Category> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
