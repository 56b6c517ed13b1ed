package org.safepassage.system.security.secondfactor;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.audit.AuditLog;
import org.safepassage.system.mail.MailComposer;
import org.safepassage.system.mail.Outbox;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The emailed one-time code, the second factor for staff without a passkey at hand. It is
 * sent only to someone who has just given the account's password, and only to the
 * account's own address: the form names no account, so nobody can make the site mail
 * codes to others.
 */
@Component
public class OneTimeCodeMail implements GenerateOneTimeTokenRequestResolver, OneTimeTokenGenerationSuccessHandler {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	public static final String ENTRY_PATH = "/login/ott";

	private final MailComposer composer;

	private final Outbox outbox;

	private final TransactionTemplate transaction;

	private final SafePassageProperties site;

	private final AuditLog audit;

	private final LocaleResolver languages;

	OneTimeCodeMail(MailComposer composer, Outbox outbox, TransactionTemplate transaction, SafePassageProperties site,
			AuditLog audit, LocaleResolver languages) {
		this.languages = languages;
		this.composer = composer;
		this.outbox = outbox;
		this.transaction = transaction;
		this.site = site;
		this.audit = audit;
	}

	static boolean hasPasswordFactor(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
	}

	@Override
	public GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return hasPasswordFactor(authentication) ? new GenerateOneTimeTokenRequest(authentication.getName(), LIFETIME)
				: null;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token)
			throws IOException {
		String link = site.link(UriComponentsBuilder.fromPath(ENTRY_PATH)
			.queryParam("token", token.getTokenValue())
			.build()
			.toUriString());
		transaction.executeWithoutResult(status -> {
			outbox.enqueue(composer.compose(token.getUsername(), "security/one-time-code",
					Map.of("code", token.getTokenValue(), "link", link, "minutes", LIFETIME.toMinutes()),
					languages.resolveLocale(request), new Object[0], Map.of()));
			audit.record(token.getUsername(), "one-time-code.sent", null, "ok", request.getRemoteAddr());
		});
		response.sendRedirect(request.getContextPath() + ENTRY_PATH + "?sent");
	}

}
