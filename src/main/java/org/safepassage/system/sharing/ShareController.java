package org.safepassage.system.sharing;

import java.time.Duration;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A QR code of any page of this site, for print: {@code /share/qr.svg?path=/petitions/3}.
 * Only paths of this site are encoded (it is no QR service for anyone's text), and the
 * codes drawn are kept in a bounded cache.
 */
@Controller
class ShareController {

	private static final Pattern SITE_PATH = Pattern.compile("^/(?!/)[A-Za-z0-9/_.~%=&?-]{0,300}$");

	private final ShareLinks links;

	private final MessageSource messages;

	private final Cache<String, String> codes = Caffeine.newBuilder().maximumSize(1_000).build();

	ShareController(ShareLinks links, MessageSource messages) {
		this.links = links;
		this.messages = messages;
	}

	@GetMapping(path = "/share/qr.svg")
	ResponseEntity<String> qr(@RequestParam(defaultValue = "/") String path) {
		if (!SITE_PATH.matcher(path).matches()) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.TEXT_PLAIN)
				.body(this.messages.getMessage("share.qr.badPath", null, LocaleContextHolder.getLocale()));
		}
		String url = this.links.absolute(path);
		String title = this.messages.getMessage("share.qr.title", new Object[] { url },
				LocaleContextHolder.getLocale());
		String svg = this.codes.get(title, k -> QrCodes.svg(url, title));
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(svg);
	}

}
