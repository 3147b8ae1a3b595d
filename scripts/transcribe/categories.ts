/**
 * Which category (which `src/data/signs/<id>.signs` file) a national sign goes to.
 *
 * The national dictionary is alphabetical; the app browses by category. An entry that already
 * exists keeps its file (select.ts). A new sign is placed by, in order:
 *   1. an override in scripts/transcribe/category-overrides.txt (`词 category`, for the editor
 *      to correct a placement before drafting; a word there wins over every rule);
 *   2. exact word lists (WORDS) — frequent words the keyword rules would misplace;
 *   3. keyword rules (RULES, first match wins) over the sign's first word, then its other words;
 *   4. the part of speech jieba gives the first word (dict.txt), POS_FALLBACK.
 * The rules were tuned on the current entries (whose category a person chose): `select.ts
 * --check-categories` prints how often they agree; the placement is for browsing only, so a wrong
 * one costs a move between files, never a wrong sign.
 *
 * New categories (added to src/data/categories.txt by select.ts --write-categories) keep every
 * file small enough for one person's batch lane (≤ ~450 signs, see select.ts).
 */

export interface CategoryDef { id: string, zh: string }

/** Categories the full national selection needs beyond the 26 of version 1, in display order after them. */
export const NEW_CATEGORIES: CategoryDef[] = [
  { id: 'process', zh: '行为变化' },
  { id: 'mind', zh: '思维认知' },
  { id: 'speech', zh: '言语交流' },
  { id: 'function', zh: '虚词连接' },
  { id: 'abstract', zh: '抽象概念' },
  { id: 'politics', zh: '政治法律' },
  { id: 'military', zh: '军事' },
  { id: 'economy', zh: '经济商业' },
  { id: 'science', zh: '科学技术' },
  { id: 'culture', zh: '文化艺术' },
  { id: 'history', zh: '历史宗教' },
  { id: 'china', zh: '中国地区民族' },
  { id: 'plants', zh: '植物农业' },
  { id: 'surnames', zh: '姓氏' }
]

/** Exact words → category (checked before the keyword rules). */
const WORDS: Record<string, string> = {}
function words (cat: string, list: string): void {
  for (const w of list.split(/\s+/)) if (w) WORDS[w] = cat
}
words('greetings', '请 欢迎 谢谢 感谢 致谢 对不起 抱歉 道歉 你好 您好 再见 告别 没关系 不客气 客气 介绍 姓 名字 麻烦 打扰 招呼 原谅 祝贺 恭喜 加油 握手 鞠躬 敬礼 拜托 保重 问候 辛苦 慢走 晚安 早安')
words('money', '多 少 钱 元 角 分 一半 比 增加 减少 加 减 乘 除 等于 平均 算 数 数字 够 不够 剩 一共 总共 大约 超过 存 捐 零 百 千 万 亿 十 两 几 多少 很多 许多 全部 部分 一点儿')
words('pronouns', '他 她 它 我 你 您 咱们 我们 你们 他们 这 那 哪 哪些 谁 什么 某 自己 各自 任何 其次 那时 这时 你俩 大家 别人')
words('function', '是 在 和 与 也 就 都 又 再 还 被 把 为 为了 对 对于 关于 根据 按照 通过 经过 除了 向 于 从 自 以 及 而 但是 可是 所以 因为 如果 只要 不论 或者 同时 另外 从此 及时 仍然 已经 曾 尚 正 莫 恐怕 难怪 难免 偶尔 幸亏 原来 暂时 始终 随时 首先 果然 故意 共同 分别 稍微 相当 逐步 就是 不过 而且 并且 虽然 即使 然后 于是 因此 所谓 之 的 地 得 了 着 过 吗 呢 吧 啊 越……越…… 是……还是…… 要么……要么…… 不是……就是…… 像……一样 像……似的 必要 尽力 急忙 真心 自愿 自然 彻底 适时 完全 严格 踊跃 正式 突然 顺利 一直 继续 进行 又 也许 大概 当然 其实 究竟 到底 简直 几乎 一定 肯定 必然 否则 可见')
words('money', '个 次 代 段 股 篇 曲 系列 公斤 公元 毫米 厘米 立方 亩 千米 尺 吨 克 磅 倍 页 卷 许 丝 第一 第一次 第一届 一些 多余 万一 一分 半 双 对 块 届 程度 数量 比例 分数 百分比 总数 平方米 米 公里')
words('time', '年代 岁月 周年 周期 期间 前夕 以来 初期 中期 后期 下旬 中旬 上旬 正月 先后 当天 平时 早晚 凌晨 傍晚 白天 半夜 一个月 一月 一星期 春 秋 冬 夏 季 季度 时代 时期 世纪 古代 近代 现代 当代 期限 日期 日历 农历 假期')
words('directions', '东 南 西 北 东方 西方 南方 北方 侧面 当面 上游 中游 下游 沿岸 内 外 边 反面 正面 平行 垂直 横 竖 相向 隔壁')
words('people', '男士 女士 女婿 嫂嫂 婆婆 公公 舅舅 姑母 岳父 孙子 长子 前辈 后辈 同胞 亲属 家属 老百姓 群众 居民 市民 人民 人类 后代 祖先 宝贝 小孩儿 新娘 师傅 保姆 秘书 专家 学徒 老子 勇士 英雄 敌人 对手 犯人 同志 成员 会员 委员')
words('feelings', '爱情 仇 仇恨 恨 心情 感觉 感受 心愿 兴趣 自豪 得意 惭愧 不好意思 不安 不满 不幸 慌 寂寞 激动 喜悦 惊讶 恐怖 困惑 犹豫 热爱 感激 抱怨 忍 舍不得 盼望 期待 疯 脾气 冲动 压抑 没意思 受不了 可惜 珍惜 同情 幽默 乐观')
words('mind', '思想 想 想象 幻想 记忆 忘 认为 以为 考虑 理解 了解 知道 明白 懂 猜 估计 判断 推测 推理 意识 觉悟 知觉 注意 重视 忽视 相信 怀疑 回忆 计较 打算 决心 分析 思维 概括 归纳 梦 反思 识别 熟悉 学问 智力 观点 观念 信念 信仰 理想 计谋 企图 动机 理性 客观 主观 糊涂 清醒')
words('speech', '说 讲 语言 说明 解释 表达 表示 描述 论述 吩咐 嘱咐 告诉 通知 通告 回答 问 询问 查询 呼吁 号召 倡议 倡导 提议 建议 意见 称呼 称赞 表扬 批评 责备 骂 讽刺 造谣 胡说 发言 演讲 对话 会谈 谈判 协商 沟通 交流 交涉 争议 辩论 宣布 公布 宣誓 承诺 答应 拒绝 抱怨 申诉 打听 口号 言论 舆论 玩笑 发表 强调 提倡 响应 回报 反馈 反映 透露 隐瞒 掩盖 暗示 说话 聊天 告状 质询 检举 揭发')
words('body', '鼻 眼 耳 舌 眉 胃 肝 肺 脾 肾 肠 胆 腹 骨 喉 关节 血管 神经 细胞 乳房 屁 子宫 胚胎 血压 月经 痰 小便 大便 听力 翅膀')
words('health', '疼痛 症状 过敏 康复 消毒 保健 昏迷 晕 呻吟 注射 治疗 诊断 按摩 中药 中医 瘤 癌 伤口 损伤 艾滋病 糖尿病 高血压 病毒 细菌 醉 残疾人 盲人')
words('adjectives', '平 凹 凸 尖 歪 湿 干 稀 密 浓 淡 嫩 熟 秃 胀 粗 细 紧 松 脆 腻 呛 好转 开阔 辽阔 一般 普通 平常 具体 全 全面 片面 局部 整体 个别 典型 特别 唯一 主要 首要 次要 重要 必要 宏观 微观 盲目 陌生 新潮 流行 大方 老实 庸俗 通俗 单纯 复杂 真空')
words('school', '词 词汇 名词 同义词 语法 语文 标题 题目 题材 课堂 课题 科目 教材 教学 教师 教授 教导 大纲 草稿 作文 散文 小说 诗 论文 文章 著作 书法 日记 笔记本 档案 目录 括号 博士 硕士 学士 学位 学历 研究生 大专 中专 本科 高中 初中 年级 学术 科研 研究 实验 试验 留学 复习 实习 自修 命题 答案 例子 事例 比喻 公式 代数 几何 定律 原理 理论 概念 常识 知识分子')
words('home', '窗 墙壁 抽屉 枕头 刷子 带子 绳子 瓶 锅 盆 桶 叉 刀 剪刀 伞 鞭子 斧子 手绢 背心 戒指 香烟 蜡烛 家具 地毯 帐篷 院子 别墅 砖 柱子 栏杆 台阶 装饰 化妆 收拾 整理 睡觉 卧 手工 缝 煮 煎 炒 蒸 烫 晒 拌 烹调')
words('food', '饼 烧饼 粥 豆腐 酱 葱 豆 绿豆 花生 核桃 梨 桃 藕 糯米 大米 面粉 榨菜 汽水 啤酒 饮料 食品 食物 爆米花 蛋白 蛋白质 脂肪 嚼 吞 咬 喂 吸 饲料')
words('places', '岸 岛 岛屿 港口 码头 仓库 车间 礼堂 舞台 展览馆 体育场 会议室 俱乐部 皇宫 宫殿 故宫 天安门 长城 古迹 名胜 胜地 圣地 遗址 墓葬 隧道 水库 运河 窑洞 胡同 里弄 区 城区 社区 郊区 乡 镇 村 县 市 省 省会 直辖市 自治区 开发区 首都 老家 基层 农场 农田 耕地 战场 阵地 营 局 署 处 部 科 所')
words('weather', '雨 大雨 雨水 霜降 降水量 光 虹 火山 瀑布 峡谷 盆地 高原 平原 丘陵 山脉 山峰 山洞 沙漠 草原 沼泽 洼地 陆地 大陆 赤道 热带 温带 海拔 海峡 宇宙 行星 恒星 天文 地形 地质 生态 石 煤 泉 黑暗 阴')
words('animals', '豹 虎 猴 狮 兔 驴 象 鹰 蝉 虾 鳖 鹤 鹫 天鹅 骆驼 麋鹿 蜈蚣 鸳鸯 野兽 凤凰 雄 蚌 贝')
words('plants', '苗 茎 柳 竹 林 木 藤 灌木 芦苇 植物 植被 梅花 兰花 杜鹃 松树 棉花 蘑菇 甘蔗 高粱 谷子 麦子 玉米 豌豆 葫芦 种子 庄稼 花园 农业 耕地 播种 种植 化肥 肥料 肥 畜牧 养殖 饲养 渔业 水产 犁 耙 锛')
words('sports', '体操 锦标赛 决赛 金牌 季军 亚军 冠军 晚会 节目 登山 度假 浏览 赌博')
words('society', '礼节 礼貌 风俗 传统 志愿 慈善 福利 友谊 祭祀 婚 嫁 娶 拥挤 簇拥 集会 游行 示威 团体 协会 联合会 基金会 机构 组织 社会 公民 身份 身份证 姓名 户口 名片 名义 名誉 称号 地位 阶层 阶级 待遇 隐患 危害 障碍 灾民 救助 救 资助 支援 互联网 媒体 传媒 多媒体 新闻 广播 电视台 杂志 报纸 刊物 出版 视频 微博 网页 链接 信息 信号')
words('work', '职业 职位 职务 职称 职权 职员 岗位 业务 业余 就业 招聘 招收 录用 免职 提拔 任命 任期 兼职 退休 跳槽 打工 罢工 工序 工艺 工程 施工 竣工 建筑 装配 维修 修理 鉴定 验收 主任 主席 总裁 董事 董事长 经理 部长 局长 处长 科长 司长 队长 组长 厂长 书记 秘书 顾问 助理 参谋 代理 导游 向导 导演 教练 律师 法官 检察官 审判员 公务员 干部 官 官僚 领导 管理 主持 负责 承担 办公 会议 开幕')

/** Keyword rules: first match wins. A rule is tried on the first word, then on the sign's other words. */
const RULES: Array<[RegExp, string]> = [
  [/族$/, 'china'],
  [/^[红黄蓝绿白黑紫灰橙棕金银青]$|[红黄蓝绿白黑紫灰橙棕粉]色$|^颜色$|^透明$|^鲜艳$|^粉红$/, 'colors'],
  [/^(?:[左右双]?手|头|脸|嘴|脚|腿|腰|脖子|肚子|眼睛?|耳朵?|鼻子?|牙齿?|舌头?|眉毛?|头发|皮肤|肌肉|骨头?|手指|指甲|拳头|胳膊|手臂|肩膀?|胸|背|汗|眼泪|呼吸|心脏?|身体|体重|身高|心跳|手腕|手心|手背|额头|下巴|脑|嗓子|喉咙|大拇指|小指|食指|身材|相貌|样子|表情|声音)$/, 'body'],
  [/(?:佛|道|基督|天主|伊斯兰|宗)教|教徒|教会|和尚|尼姑|喇嘛|道士|神甫|神父|上帝|神仙|天堂|地狱|鬼|灵魂|圣经|寺|庙|皇帝|皇后|皇宫|贵妃|太监|王子|公主|君主|朝代|[汉唐宋元明清隋]代|南北朝|五代|三国|民国|辛亥|秀才|状元|进士|圣旨|氏族|部落|文物|考古|遗存|历史/, 'history'],
  [/军|战|兵|枪|弹|炮|舰|武器|武装|坦克|导弹|刺刀|匕首|剑|潜艇|轰炸|空袭|冲锋|埋伏|突围|巡逻|警卫|侦察|司令|将军|统帅|元帅|敌|投降|侵略|占领|征服|收复|间谍|国防|边防|防空|阵/, 'military'],
  [/党|政|法|权|宪|主义|议会|内阁|国务|委员|总统|总理|首相|元首|选举|选票|竞选|投票|表决|弹劾|审判|判决|起诉|诉|被告|罪|犯|刑|警|律|检察|司法|公安|监狱|逮捕|镇压|统治|独裁|专政|革命|解放|民主|共产|资本|殖民|帝国|联邦|联合国|安理会|外交|大使|参赞|条约|公约|协定|同盟|主权|领土|国徽|国旗|国民|阶级|剥削|压迫|奴/, 'politics'],
  [/经济|商业|贸易|投资|股|利润|利率|利息|利益|盈利|成本|价值|产值|产量|生产|企业|集团|公司|工业|贷款|借款|债|税|金融|银行|外汇|汇率|货币|钱|币|财|资产|资金|基金|储蓄|积金|预算|审计|结算|收入|支出|经费|报酬|奖金|补贴|工资|保险|市场|销|营业|经营|零售|批发|商|供应|进口|出口|品牌|名牌|承包|合资|兼并|破产|垄断|贿赂|贪污|走私|物价|涨|降价|贬值|升值/, 'economy'],
  [/化学|物理|数学|科学|技术|科技|电子|电脑|计算机|软件|硬件|内存|服务器|网络|互联网|数据|程序|激光|原子|核|基因|细胞|细菌|微生物|生物|化石|元素|分子|氧|氢|碳|钠|钾|钙|碘|汞|铀|铅|铁|铜|钢|锡|金属|合金|塑料|橡胶|玻璃|纤维|材料|涂料|染料|燃料|石油|天然气|能源|电流|电压|电池|磁|功率|频率|惯性|引力|阻力|速度|密度|浓度|重量|体积|面积|直径|曲线|直线|弧|圆|长方形|图形|图像|卫星|火箭|雷达|望远镜|仪器|仪表|机器|机械|机$|发明|创新|实验|研究|科研|测量|统计|计算/, 'science'],
  [/艺术|美术|绘画|画|雕|塑|音乐|乐器|歌|舞|戏|剧|影|电影|京剧|话剧|相声|小说|文学|文艺|文化|诗|琴|琵琶|锣|鼓|喇叭|笛|书法|摄影|演|艺/, 'culture'],
  [/店$|馆$|院$|场$|站$|厅$|室$|园$|所$|厂$|宫$|寺|庙|教堂|超市|市场|银行|公园|厕所|广场|城市|农村|村$|桥$|监狱|楼$|大厦|宾馆/, 'places'],
  [/病|症|药|医|疗|护士|诊|伤|疼|痛|瘤|癌|炎|毒|血|康复|保健|卫生|健康/, 'health'],
  [/车|船|飞机|航|机场|港|铁路|轨道|公路|道路|路线|桥|交通|运输|乘|驾驶|泊位|舵|桨|帆|导航|邮政|快递|护送/, 'transport'],
  [/学|校|课|教|考|书|笔|字|词|文章|读|写作|编写|编辑|知识|教育|培训|练习|辅导/, 'school'],
  [/菜|饭|食|米$|面条|面包|粉$|肉$|蛋$|奶|糖|盐|酒|茶|汤|果|瓜|豆|饼|包子|饺子|馒头|喝|吃|饮|餐|饿|渴|饱|味|甜|酸|辣|苦$/, 'food'],
  [/花|草|树|木|林|叶|根|茎|苗|种子|庄稼|农|稻|麦|棉|菌|菇|蔬/, 'plants'],
  [/[猫狗猪牛羊马鸡鸭鹅鸟鱼虫蛇龙虎狼熊鼠兔猴象鹿鹰蝶蜂蚁蛙龟豹驴骆驼蝉虾蟹鳖狮蛛蚊蝇雀鸽燕蚕]|动物|宠物/, 'animals'],
  [/天气|雨|雪|^风|风$|云|雷|闪电|雾|霜|冰|太阳|月亮|星星|天空|山|河|江|湖|海|洋|岛|地球|土地|土壤|石头|沙|泥|^火$|^水$|气候|温度|自然/, 'weather'],
  [/[红黄蓝绿白黑紫灰橙棕粉]色|颜色/, 'colors'],
  [/爸|妈|父|母|爷|奶|哥|姐|弟|妹|叔|伯|姑|舅|姨|婶|嫂|孙|儿子|女儿|丈夫|妻|婿|亲戚|亲属|家属|家庭|婴|孩|老人|青年|少年|^男|^女|.人$|者$|员$|.家$|.师$|.工$|.手$|.生$|.士$/, 'people'],
  [/房|屋|楼|门|窗|墙|床|桌|椅|柜|灯|锅|碗|杯|瓶|盆|衣|裤|裙|鞋|帽|袜|被|枕|毯|镜|钥匙|刀|剪|针|线|布|纸|箱|袋|包|家具|厨|洗|扫|擦|晾|煮|炒|烤/, 'home'],
  [/球|赛|运动|体育|奥运|跑|游泳|跳|滑|棋|牌|玩|游戏|旅游|旅行|度假|爬山/, 'sports'],
  [/买|卖|购|价|货|商店|超市|顾客|付|费|票/, 'shopping'],
  [/^(?:[今明昨前后每当]天|[今明去前后每]年|.*[年月日]$|星期.*|周[一二三四五六日末]|.*点钟|.*分钟|.*小时|.*[早晚中下上]午|[早晚]上|夜里|.*季节?$|[春夏秋冬]天|.*节$|.*期$|时间|时候|刚才|以前|以后|现在|将来|过去|未来)$/, 'time'],
  [/想|思|知|懂|记|忘|猜|觉|悟|意识|认识|理解|判断|考虑|怀疑|相信|信任|注意|决定|打算|主意|观|念|梦|智|聪明|愚|笨/, 'mind'],
  [/说|讲|话|语|谈|论|问|答|告|诉|叫|喊|称|呼|骂|夸|赞|批评|表扬|宣|通知|报告|商量|讨论|协商|建议|议|辩|吵|聊/, 'speech'],
  [/爱|恨|喜|怒|哀|乐|悲|伤心|怕|恐|惧|愁|烦|慌|急|羞|愧|耻|骄|傲|嫉|妒|羡|慕|感|情|心$|满意|失望|希望|盼|委屈|孤独|寂寞|痛苦|幸福|快乐|高兴|难过|生气|兴奋|激动|紧张|放心|担心|安心|着急|后悔|遗憾|同情|可怜|讨厌|舒服|郁|闷|怜/, 'feelings'],
  [/国$|省$|市$|州$|洲$|斯坦$|尼亚$|西亚$|利亚$|里亚$|兰$|拉$|加$|丹$|纳$|亚$/, 'countries'],
  [/^(?:[上下左右前后里外内东南西北][面边方头部]?|中间|旁边|两边|方向|位置|对面|附近|周围|距离|角落|到处|.*[东南西北]方)$/, 'directions'],
  [/工作|职|岗|业|任|管理|领导|办|经理|老板|同事|工人|工厂|工程|工具|设备|材料|项目|计划|方案|组织|安排|负责|执行|完成/, 'work'],
  [/朋友|邻居|社会|关系|团结|合作|帮助|帮忙|照顾|尊重|尊敬|礼|邀请|欢迎|祝|贺|庆|节日|婚|恋|约会|聚会|交际|交往|集体|群|公众|公共|民间|慈善|志愿|捐|救|援|助/, 'society']
]

/** Characters of bodily actions (hands, feet, body): a verb with one of them stays in `verbs`. */
const HAND_ACTION = /[拔掰摆擦插拆拉推拿抓握捏拍打踢跳跑走爬跪蹲坐站躺抬举扔抛挂贴挖切割剪撕捆搓揉摸敲砸捶挤塞扛背抱提端捧托搬拖拽捡摘掏撒浇喷磨削刨拧捅撬揪踩挡接送洗扫刷穿戴脱吃喝看听闻吻咬舔吹睡醒哭笑跨迈踏滚翻转摇晃抖伸缩弯折叠盖铺填搭绑系扶搀推碰撞钻刺扎砍锯钉缝织画写抄签按压捂指招挥]/

/** jieba POS (dict.txt) → category, when no word list or rule applies. */
const POS_FALLBACK: Record<string, string> = {
  r: 'pronouns', rr: 'pronouns', rz: 'pronouns',
  d: 'function', p: 'function', c: 'function', u: 'function', ad: 'function', y: 'function', e: 'function', o: 'function',
  m: 'money', q: 'money', mq: 'money',
  t: 'time', tg: 'time',
  f: 'directions', s: 'directions',
  ns: 'countries', nsf: 'countries',
  nr: 'surnames', nrfg: 'surnames', nrt: 'surnames',
  nt: 'politics',
  nz: 'culture',
  a: 'adjectives', an: 'adjectives', ag: 'adjectives', z: 'adjectives', b: 'adjectives', i: 'adjectives', l: 'abstract',
  v: 'verbs', vn: 'verbs', vg: 'verbs', vd: 'verbs', vi: 'verbs', zg: 'verbs',
  n: 'abstract', ng: 'abstract', j: 'abstract', g: 'abstract'
}

/**
 * Chinese provinces, regions and cities the selection names: they go to `china`, other places
 * (jieba `ns`) to `countries`. Facts, not reference text.
 */
const CHINA_PLACES = new Set(('北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 ' +
  '石家庄 太原 呼和浩特 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 南宁 海口 成都 贵阳 昆明 拉萨 西安 兰州 西宁 银川 乌鲁木齐 台北 ' +
  '深圳 厦门 青岛 大连 宁波 苏州 无锡 延安 桂林 洛阳 开封 三亚 珠海 汕头 唐山 秦皇岛 承德 大同 黄山 井冈山 遵义 敦煌 吐鲁番 喀什 ' +
  '闽 豫 蜀 苏 鲁 皖 赣 湘 鄂 粤 桂 琼 川 黔 滇 陕 甘 青 晋 冀 辽 吉 黑 浙 沪 京 津 渝 藏 宁 新 港 澳 黄河 长江 渤海 东海 南海 黄海 泰山 华山 峨眉山').split(' '))

/** Surnames (single characters jieba tags `nr`, and the two-character ones) go to `surnames`. */
const COMPOUND_SURNAMES = new Set(['司马', '慕容', '欧阳', '诸葛', '上官', '东方', '令狐', '公孙', '皇甫', '尉迟', '长孙', '宇文', '司徒'])

export interface Placement { category: string, reason: string }

/**
 * The category of a new national sign. `words`: the sign's words, first = its headword word;
 * `posOf`: jieba's POS tag of a word ('' when absent); `overrides`: word → category.
 */
export function placeSign (wordsOfSign: readonly string[], posOf: (w: string) => string, overrides: ReadonlyMap<string, string> = new Map()): Placement {
  const first = wordsOfSign[0] ?? ''
  for (const w of wordsOfSign) {
    const o = overrides.get(w)
    if (o) return { category: o, reason: `override ${w}` }
  }
  const pos0 = posOf(first)
  const chinaPlace = (w: string): boolean => CHINA_PLACES.has(w) && (w.length > 1 || /^(?:j|ns)$/.test(posOf(w)))
  if (chinaPlace(first)) return { category: 'china', reason: 'china place' }
  // the first word decides when it can: word list, then keyword rules
  const byRules = (w: string): Placement | null => {
    const c = WORDS[w]
    if (c) return { category: c, reason: `word ${w}` }
    for (const [re, cat] of RULES) if (re.test(w)) return { category: cat, reason: `rule /${re.source.slice(0, 20)}…/ on ${w}` }
    return null
  }
  const p0 = byRules(first)
  if (p0) return p0
  if (/^(?:nr|nrt|nrfg)$/.test(pos0) && (first.length === 1 || COMPOUND_SURNAMES.has(first))) return { category: 'surnames', reason: 'surname' }
  if (pos0 === 'ns') return { category: 'countries', reason: 'pos ns' }
  // then the sign's other words
  for (const w of wordsOfSign.slice(1)) {
    if (chinaPlace(w)) return { category: 'china', reason: `china place ${w}` }
    const p = byRules(w)
    if (p) return { ...p, reason: p.reason + ' (other word)' }
  }
  for (const w of wordsOfSign) {
    const p = posOf(w)
    const c = POS_FALLBACK[p]
    // verbs: what the hands or body do stays in `verbs`; processes and conduct (发展, 实现) go to `process`
    if (c === 'verbs' && w.length > 1 && !HAND_ACTION.test(w)) return { category: 'process', reason: `pos ${p} of ${w}, not a bodily action` }
    if (c) return { category: c, reason: `pos ${p} of ${w}` }
  }
  return { category: 'abstract', reason: 'default' }
}

/** Parses category-overrides.txt: `词 category` per line, `#` comments. */
export function parseOverrides (text: string): Map<string, string> {
  const m = new Map<string, string>()
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim()
    if (!t || t.startsWith('#')) continue
    const [w, c] = t.split(/\s+/)
    if (w && c) m.set(w, c)
  }
  return m
}
