"""Code points a font draws with one glyph, read as the one a Chinese page prints.

A CJK font draws 人 and ⼈ (KANGXI RADICAL MAN) with one glyph: Noto Serif SC and Noto
Sans SC name it `uni2F08`. A producer that writes a PDF's ToUnicode map from the glyph (its name, or
the lowest code point that maps to it: cairo's `pdftocairo -pdf`, Ghostscript, office
exporters) then states ⼈ where 人 is printed, and 民 comes out as ⺠ (CJK RADICAL
CIVILIAN), 日 as ⽇. Measured on this repository's Chromium pages put through
`pdftocairo -pdf`: 255 of 5,430 characters a page. They look the same on paper and on
screen, but a reader cannot find them (`民` does not match ⺠, which NFKC leaves as it is)
and they are not the characters the page prints.

The same holds for marks (the table `_MARKS`): Noto draws a horizontal bar and an em
dash, a wave dash and a full-width tilde, ⋯ and …, ➀ and ① with one glyph each, and such a
producer states the lower code point. Noto sets —— as one glyph (a ligature); such a
producer states it as ⸺ (TWO-EM DASH), read as the two dashes printed.

The page text import writes holds the ideograph, and the mark as a Chinese page prints
it. `_PAIRS` holds every radical whose glyph the Noto CJK SC faces (Sans and Serif, every
weight) share with an ideograph, and the Kangxi radicals no face shares, by their NFKC
form; a CJK compatibility ideograph (U+F900-FAFF) with a canonical form is read as that
form (NFC's own mapping). A newspaper does not print a radical as such; a dictionary page
that did would be read as its ideograph.
"""

# ruff: noqa: RUF001, RUF003 (the table is radicals and marks that look alike on purpose)

from __future__ import annotations

import unicodedata

_PAIRS = (
    "⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺩𤣩⺫罒⺭礻⺮𥫗⺯糹⺰纟"
    "⺱罓⺲罒⺳㓁⺹耂⺺肀⺽𦥑⺾艹⻁虎⻂衤⻃覀⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿"
    "⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼀一⼁丨⼂丶⼃丿⼄乙⼅亅⼆二⼇亠⼈人⼉儿⼊入⼋八"
    "⼌冂⼍冖⼎冫⼏几⼐凵⼑刀⼒力⼓勹⼔匕⼕匚⼖匸⼗十⼘卜⼙卩⼚厂⼛厶⼜又⼝口⼞囗⼟土⼠士⼡夂⼢夊⼣夕⼤大⼥女⼦子⼧宀⼨寸⼩小⼪尢⼫尸"
    "⼬屮⼭山⼮巛⼯工⼰己⼱巾⼲干⼳幺⼴广⼵廴⼶廾⼷弋⼸弓⼹彐⼺彡⼻彳⼼心⼽戈⼾户⼿手⽀支⽁攴⽂文⽃斗⽄斤⽅方⽆无⽇日⽈曰⽉月⽊木⽋欠"
    "⽌止⽍歹⽎殳⽏毋⽐比⽑毛⽒氏⽓气⽔水⽕火⽖爪⽗父⽘爻⽙爿⽚片⽛牙⽜牛⽝犬⽞玄⽟玉⽠瓜⽡瓦⽢甘⽣生⽤用⽥田⽦疋⽧疒⽨癶⽩白⽪皮⽫皿"
    "⽬目⽭矛⽮矢⽯石⽰示⽱禸⽲禾⽳穴⽴立⽵竹⽶米⽷糸⽸缶⽹网⽺羊⽻羽⽼老⽽而⽾耒⽿耳⾀聿⾁肉⾂臣⾃自⾄至⾅臼⾆舌⾇舛⾈舟⾉艮⾊色⾋艸"
    "⾌虍⾍虫⾎血⾏行⾐衣⾑襾⾒見⾓角⾔言⾕谷⾖豆⾗豕⾘豸⾙貝⾚赤⾛走⾜足⾝身⾞車⾟辛⾠辰⾡辵⾢邑⾣酉⾤釆⾥里⾦金⾧長⾨門⾩阜⾪隶⾫隹"
    "⾬雨⾭靑⾮非⾯面⾰革⾱韋⾲韭⾳音⾴頁⾵風⾶飛⾷食⾸首⾹香⾺馬⾻骨⾼高⾽髟⾾鬥⾿鬯⿀鬲⿁鬼⿂魚⿃鳥⿄鹵⿅鹿⿆麥⿇麻⿈黃⿉黍⿊黑⿋黹"
    "⿌黽⿍鼎⿎鼓⿏鼠⿐鼻⿑齊⿒齒⿓龍⿔龜⿕龠"
)
_IDEOGRAPH = {ord(_PAIRS[k]): _PAIRS[k + 1] for k in range(0, len(_PAIRS), 2)}

_COMPATIBILITY = range(0xF900, 0xFB00)

_MARKS = {
    0x22EF: "\u2026",  # ⋯ MIDLINE HORIZONTAL ELLIPSIS: …
    0x30FB: "\u00b7",  # ・ KATAKANA MIDDLE DOT: ·, the 间隔号 of GB 18030
    0x2015: "\u2014",  # ― HORIZONTAL BAR: —, of ——
    0x2012: "\u2013",  # ‒ FIGURE DASH: –
    0x2215: "\uff0f",  # ∕ DIVISION SLASH: ／
    0x2329: "\u3008",  # 〈 LEFT-POINTING ANGLE BRACKET: 〈
    0x232A: "\u3009",  # 〉 RIGHT-POINTING ANGLE BRACKET: 〉
    0x301C: "\uff5e",  # 〜 WAVE DASH: ～, a Chinese page's range mark
    0x2035: "\uff40",  # ‵ REVERSED PRIME: ｀
    0x2E3A: "\u2014\u2014",  # ⸺ TWO-EM DASH: the —— Noto sets as one glyph
    0x2E3B: "\u2014\u2014\u2014",  # ⸻ THREE-EM DASH: ———
} | {0x2780 + k: chr(0x2460 + k) for k in range(10)}  # ➀ DINGBAT CIRCLED: ①


def printed(code: int) -> str:
    """The character a glyph stated as `code` prints."""
    if code < 0x2012:
        return chr(code)
    if code in _COMPATIBILITY:
        return unicodedata.normalize("NFC", chr(code))
    return _IDEOGRAPH.get(code) or _MARKS.get(code) or chr(code)
