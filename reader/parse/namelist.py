"""What reads as a person's name in a line of page text: the surnames of China (the
common ones and the compound ones), one name or several set together (`宋学春张仁明`),
names spaced apart (`马　利`). Where such a line stands, and so whether it is a byline,
is `reader.parse.names`'s question; `reader.importing.names` takes the surnames too.
"""

from __future__ import annotations

from itertools import pairwise

from reader.parse import wrapmodel

# The common surnames of China (about 300, the rare and the ambiguous left out: 和, 但,
# 都, 由, 来, 那, 门, 信, 国, 海, 明, 平 are words before they are names) and the compound.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙"
    "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁"
    "岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆"
    "蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑"
    "景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
    "巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜阚"
    "帅屠朴盖练廉禹井祖漆巴丰支卿狄索宣晋芮阙浦戈伏鹿薄邸雍辜裘亓修邰赫杭况宿鲜逯隆茹"
    "诸慕危亢嵇湛宾戎勾茅揭尉冶束檀阴昝幸奉衡尧郗蓟"
)
_COMPOUND = (
    "欧阳司马上官诸葛东方皇甫尉迟公孙慕容长孙宇文司徒令狐夏侯"
    "端木西门南宫轩辕独孤澹台申屠太史呼延闻人钟离宗政濮阳淳于赫连拓跋完颜"
)
COMPOUND_SURNAMES = frozenset(_COMPOUND[i : i + 2] for i in range(0, len(_COMPOUND), 2))
# Characters of a phrase, not of a name: a line holding one reads on (`高科技成新宠`).
NOT_IN_NAMES = frozenset(
    "的了是在和与及或为着过们这那么吗呢吧啊之其等把被将要会能与不也就都又"
    "节届赛展年月日周期号次"  # ...and of an event or a date (`克林顿向美华人华侨` / `贺春节`)
)


def one_name(text: str) -> bool:
    """A person's name: a surname (or a compound one) and one or two characters more."""
    if text[:2] in COMPOUND_SURNAMES:
        return 3 <= len(text) <= 4
    return text[0] in SURNAMES and 2 <= len(text) <= 3


def names(text: str) -> int:
    """How many names the line sets together (`宋学春张仁明`: 2), 0 if it is none.

    One name of two to four characters, or two or three of two or three each, every
    one of them a surname and the rest; no character of a phrase among them.
    """
    if not 2 <= len(text) <= 9:
        return 0
    inside = text
    if text[0] == "周":  # a surname first (`周永仙`), but a word's too (`周末`, `周边`)
        if wrapmodel.broken_word("周", text[1], 1):
            return 0
        inside = text[1:]
    if len(text) == 3 and text[1] == "会":
        inside = inside.replace("会", "")  # a given name's (`赵会平`), no verb's
    if not NOT_IN_NAMES.isdisjoint(inside):
        return 0  # (`周年`, `周期` hold a date's character)
    if one_name(text) or (len(text) == 4 and text[:2] in COMPOUND_SURNAMES):
        return 1
    for first in (3, 2):  # a name of three characters first: the most common
        rest = text[first:]
        if one_name(text[:first]) and len(rest) >= 2:
            if one_name(rest):
                return 2
            more = names(rest) if len(rest) >= 4 else 0
            if more == 2:
                return 3
    return 0


def words_inside(text: str) -> bool:
    """A word of the corpus's text inside the line (`启程`, `赴京`): no names set together.

    (Not asked of one name: the corpus prints its leaders' names often, `李瑞环`.)"""
    return any(wrapmodel.broken_word(a, b) for a, b in pairwise(text[1:]))


def spaced(raw: str) -> bool:
    """Names spaced apart: `马　利`, `王 伟`, `张三 李四` (one to three names)."""
    words = raw.split()
    if len(words) < 2 or len(words) > 3:
        return False
    if all(len(w) == 1 for w in words) or (len(words) == 2 and min(map(len, words)) == 1):
        return len("".join(words)) <= 4 and "".join(words)[0] in SURNAMES  # `马　利`, `王 伟`
    return all(2 <= len(w) <= 4 and names(w) == 1 for w in words)
