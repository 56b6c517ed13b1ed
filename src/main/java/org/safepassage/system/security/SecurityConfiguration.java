package org.safepassage.system.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.system.audit.AuditLog;
import org.safepassage.system.monitoring.PrometheusScraper;
import org.safepassage.system.security.secondfactor.OneTimeCodeMail;
import org.safepassage.system.security.secondfactor.PasskeyConfiguration;
import org.safepassage.system.security.secondfactor.SecondFactorController;
import org.safepassage.system.security.secondfactor.SecondFactorPolicy;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff sign in with a password, and with a passkey or an emailed one-time code as a
 * second factor ({@link SecondFactorPolicy}). Multi-factor sign-in is enabled without
 * global authorities: each role rule adds the policy, which an admin switches.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	/**
	 * Cookies go along with top-level navigations from other sites, never with their
	 * posts.
	 */
	static final String SAME_SITE = "Lax";

	private static final String[] STAFF_ROLES = { "ADMIN", "MODERATOR", "CAMPAIGNER", "RESEARCHER", "CASEWORKER" };

	static final String NEW_HASHES = "pbkdf2@SpringSecurity_v5_8";

	/**
	 * New hashes are PBKDF2-HMAC-SHA256 (310,000 iterations): bcrypt ignores everything
	 * after 72 bytes, which is 24 Korean or Chinese characters, and Spring refuses to
	 * hash more. The hash names its algorithm, so bcrypt hashes made before still sign in
	 * and are rewritten as PBKDF2 at that sign-in ({@link StaffAccounts#updatePassword}).
	 * PBKDF2 rather than Argon2: it needs no extra library, and costs no memory per
	 * attempt that a flood of sign-ins could multiply.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(NEW_HASHES, Map.of(NEW_HASHES,
				Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

	/**
	 * Observing every security filter of every request costs more than it tells us at
	 * spike time.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** The session cookie (Spring Session's): HttpOnly, SameSite, Secure over https. */
	@Bean
	DefaultCookieSerializerCustomizer sessionCookie() {
		return serializer -> {
			serializer.setSameSite(SAME_SITE);
			serializer.setUseHttpOnlyCookie(true);
		};
	}

	/**
	 * CSRF tokens in a cookie, not the session: anonymous readers and signers stay
	 * session-free, so a signature spike creates no sessions.
	 */
	@Bean
	CookieCsrfTokenRepository csrfTokenRepository() {
		var tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(cookie -> cookie.sameSite(SAME_SITE));
		return tokens;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, StaffAccounts accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, AuditLog audit, CookieCsrfTokenRepository csrfTokens, SecondFactorPolicy factors,
			OneTimeCodeMail codes, OneTimeTokenService oneTimeTokens, UserDetailsService enabledStaff,
			PasskeyConfiguration.PasskeyOrigins origins, PrometheusScraper scraper) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setUserDetailsPasswordService(accounts);
		// Whether an account is disabled is checked only after its password, so a wrong
		// password costs the same time and gets the same answer for every name.
		passwords.setPreAuthenticationChecks(user -> {
		});
		passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		var signInFailure = new ExceptionMappingAuthenticationFailureHandler();
		signInFailure.setDefaultFailureUrl("/login?error");
		signInFailure.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), "/login?throttled"));

		var staff = new DefaultAuthorizationManagerFactory<RequestAuthorizationContext>();
		staff.setAdditionalAuthorization(factors);
		var secondFactorPage = new LoginUrlAuthenticationEntryPoint(SecondFactorController.PATH);

		// Emailed codes are 122 random bits, used once: they need no throttle.
		http.authenticationManager(new ProviderManager(new ThrottledSignIn(passwords, throttle, accounts, audit),
				new OneTimeTokenAuthenticationProvider(oneTimeTokens, enabledStaff)))
			.authorizeHttpRequests(
					requests -> requests.requestMatchers("/admin/staff/**", "/admin/audit/**", "/admin/audit.csv")
						.access(staff.hasRole("ADMIN"))
						// One mail's page shows its body (and live links) when no SMTP
						// server is configured: admins only. The list is metadata.
						.requestMatchers("/admin/outbox/*", "/admin/mail/**")
						.access(staff.hasRole("ADMIN"))
						.requestMatchers("/admin/outbox")
						.access(staff.hasAnyRole("ADMIN", "MODERATOR"))
						// Case files hold protected fields: caseworkers and admins only
						// (issue 14); the public part is on the public pages for
						// everyone.
						.requestMatchers("/admin/cases", "/admin/cases/**")
						.access(staff.hasAnyRole("ADMIN", "CASEWORKER"))
						.requestMatchers("/admin/evidence/**")
						.access(staff.hasAnyRole("ADMIN", "RESEARCHER"))
						.requestMatchers("/admin/alerts/**", "/admin/letters/**", "/admin/booklets/**")
						.access(staff.hasAnyRole("ADMIN", "CAMPAIGNER"))
						.requestMatchers("/admin/petitions/**")
						.access(staff.hasAnyRole("ADMIN", "MODERATOR", "CAMPAIGNER"))
						// Any staff member may reach the translations page; which kinds
						// each role may translate is declared by the module
						// (TranslatableKind.requiredRoles) and checked by the page.
						.requestMatchers("/admin/translations/**")
						.access(staff.hasAnyRole(STAFF_ROLES))
						.requestMatchers("/actuator/prometheus")
						.access(AuthorizationManagers.anyOf(staff.hasRole("ADMIN"), scraper))
						// Adding a passkey needs every factor the policy asks for: a
						// stolen
						// password alone must not be able to add one.
						.requestMatchers("/admin/**", "/webauthn/register", "/webauthn/register/**")
						.access(staff.hasAnyRole(STAFF_ROLES))
						.requestMatchers(SecondFactorController.PATH, "/ott/generate")
						.authenticated()
						.anyRequest()
						.permitAll())
			// An anonymous request for a staff page is remembered in a cookie, not a
			// session: a flood of them costs neither memory nor session rows.
			.requestCache(cache -> cache.requestCache(new CookieRequestCache()))
			.webAuthn(passkeys -> passkeys.rpName("SafePassage")
				.rpId(origins.host())
				.allowedOrigins(origins.allowed())
				.disableDefaultRegistrationPage(true))
			.oneTimeTokenLogin(ott -> ott.tokenService(oneTimeTokens)
				.generateRequestResolver(codes)
				.tokenGenerationSuccessHandler(codes)
				.showDefaultSubmitPage(false)
				// Our own sign-in page: naming it keeps Spring's generated one away.
				.loginPage("/login")
				.loginProcessingUrl(OneTimeCodeMail.ENTRY_PATH)
				.defaultSuccessUrl("/admin", false)
				.failureHandler((request, response, failure) -> {
					audit.record(null, "one-time-code.failed", null, failure.getClass().getSimpleName(),
							request.getRemoteAddr());
					response.sendRedirect(request.getContextPath() + OneTimeCodeMail.ENTRY_PATH + "?error");
				}))
			.exceptionHandling(exceptions -> exceptions
				.defaultDeniedHandlerForMissingAuthority(secondFactorPage, FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
				.defaultDeniedHandlerForMissingAuthority(secondFactorPage, FactorGrantedAuthority.OTT_AUTHORITY)
				.defaultDeniedHandlerForMissingAuthority(new LoginUrlAuthenticationEntryPoint("/login"),
						FactorGrantedAuthority.PASSWORD_AUTHORITY))
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/admin", false)
				.failureHandler(signInFailure)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/?signedOut")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						audit.record(authentication.getName(), "sign-out", null, "ok", request.getRemoteAddr());
					}
				}))
			// Public forms need no cookie (issue 9): a supporter's may be gone or
			// blocked.
			// Those reached through a mailed secret (the confirmation token, the signed
			// preference and unsubscribe links, RFC 8058 one-click included) carry their
			// own proof; sign and subscribe check where they were sent from instead
			// (PublicFormOrigin), and a mailbox gets only a few mails a day (MailboxCap).
			// Staff forms and sign-in keep their tokens. Mail providers' webhooks carry
			// their shared secret instead.
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.ignoringRequestMatchers(publicForms("/webhooks/mail/{provider}"))
				.ignoringRequestMatchers(publicForms("/petitions/{id}/signatures", "/signatures/confirm",
						"/alerts/subscribe", "/alerts/confirm", "/alerts/preferences/{id}/{link}",
						"/alerts/preferences/{id}/{link}/new-link", "/alerts/unsubscribe/{id}/{signature}",
						"/letters/{id}/write", "/letters/confirm", "/letters/reply", "/resources/{id}/order",
						"/resources/confirm",
						// Checking a list changes nothing (delivery pack, issue 13).
						"/petitions/{id}/verify")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterAfter(new PasswordChangeRequiredFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/** Posts to these paths need no CSRF token. */
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
