package org.safepassage.system.sharing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.safepassage.system.SafePassageProperties;
import org.springframework.stereotype.Component;

/**
 * Links that share a page through e-mail and the messengers supporters use, each a plain
 * link to the service's own share address: no script of theirs is loaded, and nothing is
 * sent to them until the reader follows the link. KakaoTalk has no such address (its
 * sharing needs Kakao's script and an app key): readers on phones reach it through the
 * system's share sheet (the Web Share API button), others by copying the link.
 */
@Component("shareLinks")
public class ShareLinks {

	/** One way to share: its name (a message key suffix) and address. */
	public record Link(String service, String href) {
	}

	private final String base;

	private final Locale defaultLanguage;

	ShareLinks(SafePassageProperties site) {
		this.base = site.baseUrl().replaceAll("/+$", "");
		this.defaultLanguage = site.languages().getFirst();
	}

	/**
	 * The path of a page in a language: the default language's pages have no prefix, the
	 * others {@code /ko}, {@code /zh-Hans} …
	 */
	public String localised(String path, Locale locale) {
		if (locale == null || locale.toLanguageTag().equals(this.defaultLanguage.toLanguageTag())) {
			return path;
		}
		return "/" + locale.toLanguageTag() + path;
	}

	/** Open Graph's locale ({@code language_TERRITORY}) of a page's language. */
	public String openGraphLocale(Locale locale) {
		return switch (locale.toLanguageTag()) {
			case "ko" -> "ko_KR";
			case "zh-Hans" -> "zh_CN";
			case "zh-Hant" -> "zh_TW";
			case "en" -> "en_GB";
			default -> locale.toLanguageTag().replace('-', '_');
		};
	}

	/** The absolute address of a path on this site. */
	public String absolute(String path) {
		return this.base + path;
	}

	/** The share links of a card, to its page in the reader's language. */
	public List<Link> of(ShareCard card, Locale locale) {
		String url = absolute(localised(card.path(), locale));
		String u = encode(url);
		String text = encode(card.title());
		return List.of(new Link("email", "mailto:?subject=" + text + "&body=" + encode(card.title() + "\n\n" + url)),
				new Link("whatsapp", "https://wa.me/?text=" + encode(card.title() + " " + url)),
				new Link("telegram", "https://t.me/share/url?url=" + u + "&text=" + text),
				new Link("x", "https://x.com/intent/post?text=" + text + "&url=" + u),
				new Link("facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
				new Link("line", "https://social-plugins.line.me/lineit/share?url=" + u));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
