package org.safepassage.system.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class CardImagesTest {

	CardImages cards = new CardImages(new SharingProperties(10, "/fonts/wqy-microhei.ttc"));

	@Test
	void theShippedFontDrawsKoreanSimplifiedAndTraditionalChinese() {
		assertThat(this.cards.canDraw("중국은 탈북민 강제송환을 멈추라")).isTrue();
		assertThat(this.cards.canDraw("停止强制遣返朝鲜难民")).isTrue();
		assertThat(this.cards.canDraw("停止強制遣返北韓難民")).isTrue();
		assertThat(this.cards.canDraw("Stop the forced return of refugees")).isTrue();
	}

	@Test
	void koreanWrapsBetweenWordsAndChineseBetweenCharacters() {
		String korean = "중국으로 탈출한 북한 주민을 난민으로 인정하십시오 그리고 안전하게 보내 주십시오";
		List<String> lines = this.cards.titleLines(korean, Locale.KOREAN);
		assertThat(lines).hasSizeGreaterThan(1);
		for (String line : lines.subList(0, lines.size() - 1)) {
			assertThat(line).as("a Korean line ends between words").endsWith(" ");
		}
		String chinese = "承认逃往中国的朝鲜人为难民并让他们安全前往愿意接收他们的第三国";
		assertThat(this.cards.titleLines(chinese, Locale.SIMPLIFIED_CHINESE)).hasSizeGreaterThan(1);
	}

	@Test
	void aLongTitleIsDrawnOnOneCardOfOpenGraphSize() throws Exception {
		byte[] png = this.cards.png("long",
				new CardImages.Card("SafePassage", "긴 제목 ".repeat(60), "12,345명이 서명했습니다", 0.4, Locale.KOREAN));

		var image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(1200);
		assertThat(image.getHeight()).isEqualTo(630);
		assertThat(this.cards.png("long", new CardImages.Card("x", "y", null, null, Locale.KOREAN))).isSameAs(png);
	}

}
