package org.tsunagu.accounts.boundary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the login page sends the user afterwards: local paths only, and none with control characters. */
class LoginPageTest {

    static String next(String next) {
        LoginPage page = new LoginPage();
        page.setNext(next);
        return page.safeNext();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/staff/alert?id=12", "/staff/", "/admin/accounts", "/staff/search?q=%E5%85%89"})
    void a_local_path_is_kept(String path) {
        assertEquals(path, next(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "staff/", ""})
    void another_site_falls_back_to_the_default_page(String path) {
        assertEquals("/staff/", next(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/staff/\r\nSet-Cookie: x=1", "/staff/\n", "/\t/evil.example", "/staff/\u0000", "/staff/\u007f",
            "/staff/%0d%0aSet-Cookie:%20x=1", "/staff/%0A", "/%09/evil.example", "/staff/%00", "/staff/%1b", "/staff/%7F"})
    void control_characters_plain_or_percent_encoded_fall_back_to_the_default_page(String path) {
        assertEquals("/staff/", next(path));
    }
}
