// What a word is when it is nobody's misspelling: somebody's real name. A given name or surname of
// the US lists (rules/names/real-names.txt, built by scripts/names/build-real-names.ts; rare
// surnames marked, which a name the article itself spells otherwise three times outweighs), a name in
// pinyin (Jiaxin is a given name, not Jiaxing misspelt), a Slavic patronymic (Ivanovich), or a
// name written after a person's title (Mr Peston is not the town of Preston).

import { existsSync, readFileSync } from 'node:fs';
import { SortedLines } from './compiled-index.js';

/** A sorted list of folded real names, read on first use; a rare surname ends in `~`. */
export class RealNames {
  private lines: SortedLines | undefined;

  constructor(readonly file: string) {}

  /** A given name or surname of the list; with `rare`, rare surnames count too. */
  has(folded: string, rare = true): boolean {
    this.lines ??= new SortedLines(existsSync(this.file) ? readFileSync(this.file, 'latin1') : '', true);
    return this.lines.has(folded) || (rare && this.lines.has(`${folded}~`));
  }
}

/** The syllables of Hanyu Pinyin without tones (ü as v or u). */
const PINYIN = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai
  chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da
  dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei
  fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei
  hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan
  kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao
  lie lin ling liu lo long lou lu luan lun luo lv lve lue ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo
  mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve nue o ou pa pai
  pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
  ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she
  shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te
  teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin
  xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen
  zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu
  zuan zui zun zuo`.split(/\s+/),
);

/** Letters that English spelling seldom has and pinyin often does (x, q, zh, a final -ng, -ao, -ui, -uo, -iu, -ia, -ie). */
const PINYIN_MARK = /x|q|zh|ng$|ao|ui|uo|iu|i[ae]/;

/**
 * A folded word that reads as one to four pinyin syllables (an apostrophe may part them), one of
 * them spelt as English seldom is: Jiaxin, Zhangzhou, Qiang, but not Marika or Anna.
 */
export function isPinyin(folded: string): boolean {
  const w = folded.replace(/'/g, '');
  if (w.length < 2 || w.length > 24 || !/^[a-z]+$/.test(w)) return false;
  // Split into syllables (longest first, with backtracking); one of them must carry a mark.
  const split = (at: number, left: number): boolean => {
    if (at === w.length) return true;
    if (left === 0) return false;
    for (let end = Math.min(w.length, at + 6); end > at; end--) {
      const s = w.slice(at, end);
      if (PINYIN.has(s) && split(end, left - 1)) {
        if (PINYIN_MARK.test(s)) marked = true;
        return true;
      }
    }
    return false;
  };
  let marked = false;
  return split(0, 4) && marked;
}

/** Endings of Russian, Ukrainian and Belarusian patronymics (Ivanovich, Petrovna, Ivanivna, Ilyich). */
const PATRONYMIC = /(?:ovich|evich|ovych|evych|ovna|evna|ivna|ichna|ilyich|yich)$/;

/** A folded word shaped like a Slavic patronymic. */
export function isPatronymic(folded: string): boolean {
  return folded.length >= 7 && PATRONYMIC.test(folded);
}

/** Titles that put a person's name after them (Mr Peston, Dr Ivanova): what follows is no place. */
export const PERSON_TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Sir', 'Dame', 'Lord', 'Lady']);
