package org.safepassage.system.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Staff accounts and real sign-ins (session cookies) for the security tests. */
public final class StaffLogins {

	private StaffLogins() {
	}

	/** An enabled account with this password (replaced if the test ran before). */
	public static long account(JdbcClient jdbc, PasswordEncoder encoder, String email, String password, String role) {
		jdbc.sql("delete from staff_account where email = ?").param(email).update();
		return jdbc.sql("""
				insert into staff_account (email, display_name, password_hash, roles)
				values (?, 'Test', ?, array[?]) returning id""")
			.params(email, encoder.encode(password), role)
			.query(Long.class)
			.single();
	}

	/**
	 * Spring Security's {@code csrf()} for MockMvc swaps the application's CSRF token
	 * repository for one that keeps tokens in the session, for every later request of the
	 * shared context, real HTTP included. Tests of real sessions and cookies put the
	 * application's own back first.
	 */
	public static void undoMockMvcCsrf(List<SecurityFilterChain> chains, CsrfTokenRepository applicationTokens) {
		chains.stream()
			.flatMap(chain -> chain.getFilters().stream())
			.filter(CsrfFilter.class::isInstance)
			.forEach(filter -> ReflectionTestUtils.setField(filter, "tokenRepository", applicationTokens));
	}

	/** The request as if sent from this client address. */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static MockHttpServletRequestBuilder signIn(String email, String password, String address) {
		return post("/login").with(csrf()).with(from(address)).param("username", email).param("password", password);
	}

	/** Signs in and returns the session cookie. */
	static Cookie session(MockMvc mvc, String email, String password, String address) throws Exception {
		MvcResult result = mvc.perform(signIn(email, password, address)).andReturn();
		String target = result.getResponse().getRedirectedUrl();
		if (target == null || !target.startsWith("/admin")) {
			throw new AssertionError("Sign-in of " + email + " went to " + target);
		}
		Cookie cookie = result.getResponse().getCookie("SESSION");
		if (cookie == null) {
			throw new AssertionError("No session cookie for " + email);
		}
		return cookie;
	}

}
