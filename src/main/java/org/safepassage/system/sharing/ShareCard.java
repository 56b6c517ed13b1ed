package org.safepassage.system.sharing;

/**
 * What a page shows when it is shared: a module's controller puts one in the model as
 * {@value #MODEL_NAME}, and the layout writes its Open Graph and Twitter tags and the
 * page its share links.
 *
 * @param title the title, as the page names its subject
 * @param description one or two sentences (cut to 200 characters in the tags)
 * @param path the page's path on this site, without a language prefix (e.g.
 * {@code /petitions/3})
 * @param imagePath the path of the card image, or null for none
 */
public record ShareCard(String title, String description, String path, String imagePath) {

	public static final String MODEL_NAME = "shareCard";

	public ShareCard {
		if (path == null || !path.startsWith("/") || path.startsWith("//")) {
			throw new IllegalArgumentException("A share card needs a path on this site: " + path);
		}
		description = (description == null) ? "" : shorten(description.strip().replaceAll("\\s+", " "), 200);
	}

	private static String shorten(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int cut = text.lastIndexOf(' ', max - 1);
		return text.substring(0, (cut > max / 2) ? cut : max - 1) + "…";
	}

}
