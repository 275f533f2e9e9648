package org.tsunagu.alerts.triage.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.alerts.entity.Urgency;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board is ordered by the database, not after a cut by filing time: open before resolved, then
 * emergency, urgent, info, then the oldest — so a flood of newer alerts never pushes an open
 * emergency off the board (AlertsIT checks it on the page), and the board says how many it left out.
 */
class TriageBoardOrderTest {

    @Test
    void the_query_orders_open_first_then_by_urgency_then_oldest_first() {
        String order = Triage.BOARD_ORDER_JPQL;
        int open = order.indexOf("a.status = org.tsunagu.alerts.entity.AlertStatus.RESOLVED THEN 1 ELSE 0");
        int emergency = order.indexOf("a.urgency = org.tsunagu.alerts.entity.Urgency.EMERGENCY THEN 0");
        int urgent = order.indexOf("a.urgency = org.tsunagu.alerts.entity.Urgency.URGENT THEN 1");
        int info = order.indexOf("ELSE 2 END"); // info, the least urgent
        int age = order.indexOf("a.filedAt, a.id");
        assertTrue(order.startsWith(" ORDER BY "), order);
        assertTrue(open > 0 && open < emergency && emergency < urgent && urgent < info && info < age, order);
        assertTrue(!order.contains("DESC"), "oldest first: " + order);
    }

    @Test
    void the_urgency_ranks_follow_the_urgency_order_emergency_first() {
        assertEquals(List.of(Urgency.EMERGENCY, Urgency.URGENT, Urgency.INFO), List.of(Urgency.values()));
    }

    @Test
    void a_cut_board_says_how_many_it_left_out() {
        assertEquals(0, new Triage.Board(List.of(), 0).more());
        assertEquals(1_700, new Triage.Board(List.of(), 1_700).more());
    }
}
