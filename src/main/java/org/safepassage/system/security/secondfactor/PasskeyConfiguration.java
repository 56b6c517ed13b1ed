package org.safepassage.system.security.secondfactor;

import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.audit.AuditLog;
import org.safepassage.system.security.StaffAccounts;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys and emailed one-time codes, both kept in PostgreSQL so that every instance
 * knows them. The relying party is the host of {@code safepassage.base-url}.
 */
@Configuration(proxyBeanMethods = false)
public class PasskeyConfiguration {

	/**
	 * The accounts that passkeys and one-time codes sign in: Spring's providers for them
	 * do not check whether an account is disabled (the password provider does, after the
	 * password), so this refuses disabled accounts itself.
	 */
	@Bean
	@Primary
	UserDetailsService enabledStaff(StaffAccounts accounts) {
		return email -> {
			UserDetails user = accounts.loadUserByUsername(email);
			if (!user.isEnabled()) {
				throw new DisabledException("Account disabled");
			}
			return user;
		};
	}

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeys(JdbcOperations jdbc, AuditLog audit,
			PublicKeyCredentialUserEntityRepository users) {
		return new AuditedPasskeys(new JdbcUserCredentialRepository(jdbc), users, audit);
	}

	@Bean
	PasskeyOrigins passkeyOrigins(SafePassageProperties site) {
		return new PasskeyOrigins(URI.create(site.baseUrl()));
	}

	@Bean
	Webauthn4JRelyingPartyOperations relyingParty(PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository passkeys, PasskeyOrigins origins) {
		return new Webauthn4JRelyingPartyOperations(users, passkeys,
				PublicKeyCredentialRpEntity.builder().id(origins.host()).name("SafePassage").build(),
				origins.allowed());
	}

	/**
	 * Allowed origins: the base URL's. A server on localhost also allows its own origin
	 * with the port it got, so that development and test servers on any port work; no
	 * other host gains anything from that.
	 */
	public static final class PasskeyOrigins implements ApplicationListener<WebServerInitializedEvent> {

		private final String host;

		private final Set<String> allowed = ConcurrentHashMap.newKeySet();

		PasskeyOrigins(URI base) {
			this.host = base.getHost();
			this.allowed
				.add(base.getScheme() + "://" + base.getHost() + ((base.getPort() < 0) ? "" : ":" + base.getPort()));
		}

		public String host() {
			return this.host;
		}

		public Set<String> allowed() {
			return this.allowed;
		}

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			if ("localhost".equals(this.host)) {
				this.allowed.add("http://localhost:" + event.getWebServer().getPort());
			}
		}

	}

	@Bean
	JdbcOneTimeTokenService oneTimeTokens(JdbcOperations jdbc, Clock clock) {
		var tokens = new JdbcOneTimeTokenService(jdbc);
		tokens.setClock(clock);
		return tokens;
	}

}
