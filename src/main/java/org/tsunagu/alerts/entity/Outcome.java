package org.tsunagu.alerts.entity;

import java.util.Optional;
import org.tsunagu.codes.Term;
import org.tsunagu.codes.Termed;

/** How an alert ended; counted in the monthly figures. */
public enum Outcome implements Termed {
    SAFE_NO_ISSUE("safe_no_issue", "安否確認・問題なし"),
    CONNECTED_TO_SUPPORT("connected_to_support", "支援につないだ"),
    AMBULANCE("ambulance", "救急搬送"),
    POLICE("police", "警察対応"),
    HOSPITALIZED("hospitalized", "入院中"),
    FOUND_DECEASED("found_deceased", "死亡発見"),
    MOVED_ABSENT("moved_absent", "転居・不在"),
    NOT_APPLICABLE("not_applicable", "対象外・誤報"),
    OTHER("other", "その他");

    private final Term term;

    Outcome(String code, String label) {
        this.term = new Term(code, label);
    }

    @Override
    public Term term() {
        return term;
    }

    public static Optional<Outcome> ofCode(String code) {
        return Termed.ofCode(Outcome.class, code);
    }
}
