package org.safepassage.system.security;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	/** bcrypt today, upgradeable in place: the hash records its own algorithm. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Observing every security filter of every request costs more than it tells us at
	 * spike time.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/staff/**")
			.hasRole("ADMIN")
			.requestMatchers("/admin/outbox/**")
			.hasAnyRole("ADMIN", "MODERATOR")
			.requestMatchers("/admin/evidence/**")
			.hasAnyRole("ADMIN", "RESEARCHER")
			.requestMatchers("/admin/alerts/**")
			.hasAnyRole("ADMIN", "CAMPAIGNER")
			.requestMatchers("/admin/petitions/**")
			.hasAnyRole("ADMIN", "MODERATOR", "CAMPAIGNER")
			.requestMatchers("/admin/**")
			.hasAnyRole("ADMIN", "MODERATOR", "CAMPAIGNER", "RESEARCHER")
			.anyRequest()
			.permitAll())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
			// Cookie-held CSRF tokens keep anonymous readers session-free; a signature
			// spike creates no sessions.
			// Public forms need no cookie (issue 9): a supporter's may be gone or
			// blocked.
			// Those reached through a mailed secret (the confirmation token, the signed
			// preference and unsubscribe links, RFC 8058 one-click included) carry their
			// own proof; sign and subscribe check where they were sent from instead
			// (PublicFormOrigin), and a mailbox gets only a few mails a day (MailboxCap).
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.ignoringRequestMatchers(publicForms("/petitions/{id}/signatures", "/signatures/confirm",
						"/alerts/subscribe", "/alerts/confirm", "/alerts/preferences/{id}/{signature}",
						"/alerts/unsubscribe/{id}/{signature}")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterAfter(new PasswordChangeRequiredFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	private static RequestMatcher[] publicForms(String... paths) {
		return Arrays.stream(paths)
			.map(path -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
			.toArray(RequestMatcher[]::new);
	}

	/** A one-time password only lets its holder choose a new one. */
	static class PasswordChangeRequiredFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			boolean mustChange = auth != null && auth.getAuthorities()
				.stream()
				.anyMatch(a -> StaffAccounts.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
			if (mustChange && path.startsWith("/admin") && !path.startsWith(AccountController.PASSWORD_PATH)) {
				response.sendRedirect(request.getContextPath() + AccountController.PASSWORD_PATH);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
