package org.safepassage.system.security.secondfactor;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.safepassage.system.audit.AuditLog;
import org.safepassage.system.security.StaffQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which factors a staff request needs, added to every role rule. When an admin requires a
 * second factor: the password AND a passkey or an emailed one-time code. Otherwise the
 * role alone, as before; but an emailed code alone never suffices, as it proves only
 * access to a mailbox. The setting is read from the database at each decision, so a
 * change applies to every instance at once.
 */
@Service
public class SecondFactorPolicy implements AuthorizationManager<RequestAuthorizationContext> {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final AuthorizationManager<RequestAuthorizationContext> twoFactors = AllRequiredFactorsAuthorizationManager
		.anyOf(factors(FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.WEBAUTHN_AUTHORITY),
				factors(FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.OTT_AUTHORITY));

	private final AuthorizationManager<RequestAuthorizationContext> oneFactor = AllRequiredFactorsAuthorizationManager
		.anyOf(factors(FactorGrantedAuthority.PASSWORD_AUTHORITY), factors(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));

	SecondFactorPolicy(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	private static AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> factors(String... authorities) {
		var builder = AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder();
		for (String authority : authorities) {
			builder.requireFactor(factor -> factor.authority(authority));
		}
		return builder.build();
	}

	public boolean required() {
		return jdbc.sql(StaffQueries.SECOND_FACTOR_REQUIRED).query(Boolean.class).single();
	}

	@Transactional
	public void setRequired(boolean required, String admin) {
		jdbc.sql(StaffQueries.SET_SECOND_FACTOR_REQUIRED).param("required", required).update();
		audit.record(admin, "second-factor.required", null, String.valueOf(required), null);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext request) {
		if (required()) {
			return twoFactors.authorize(authentication, request);
		}
		return onlyEmailed(authentication.get()) ? oneFactor.authorize(authentication, request)
				: new AuthorizationDecision(true);
	}

	private static boolean onlyEmailed(Authentication authentication) {
		Set<String> factors = (authentication != null) ? authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("FACTOR_"))
			.collect(Collectors.toSet()) : Set.of();
		return factors.equals(Set.of(FactorGrantedAuthority.OTT_AUTHORITY));
	}

}
