package org.tsunagu.alerts.entity;

import java.util.Optional;
import org.tsunagu.codes.Term;
import org.tsunagu.codes.Termed;

/** The anomaly checklist municipalities give their watch partners (glossary.md). */
public enum Anomaly implements Termed {
    MAIL_PILING_UP("mail_piling_up", "新聞・郵便物がたまっている"),
    SHUTTERS_CLOSED("shutters_closed", "雨戸・カーテンが閉まったまま"),
    LIGHTS_ABNORMAL("lights_abnormal", "夜も電気がつかない・昼も点いたまま"),
    NOT_SEEN("not_seen", "姿を見かけない"),
    LAUNDRY_LEFT("laundry_left", "洗濯物が干したまま"),
    SMELL_NOISE("smell_noise", "異臭・異音がする"),
    NO_RESPONSE("no_response", "呼びかけに応答がない"),
    LOST_WANDERING("lost_wandering", "道に迷っている・徘徊"),
    APPEARANCE("appearance", "季節に合わない服装・身なりの乱れ"),
    PURCHASE_PAYMENT("purchase_payment", "同じ物を何度も買う・支払いができない"),
    UNWELL("unwell", "体調が悪そう・歩行が不安定"),
    ABUSE_SUSPECTED("abuse_suspected", "あざ・けが・怒鳴り声（虐待の疑い）"),
    CONSUMER_FRAUD_SUSPECTED("consumer_fraud_suspected", "高額商品・大量の健康食品（消費者被害の疑い）"),
    UTILITY_USAGE_CHANGE("utility_usage_change", "電気・ガス・水道の使用量の急な変化"),
    OTHER("other", "その他");

    private final Term term;

    Anomaly(String code, String label) {
        this.term = new Term(code, label);
    }

    @Override
    public Term term() {
        return term;
    }

    public static Optional<Anomaly> ofCode(String code) {
        return Termed.ofCode(Anomaly.class, code);
    }
}
