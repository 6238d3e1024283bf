/** 简体中文 catalog: the same keys as en.ts (the type makes a missing or extra key a type error). Terms: docs/glossary.md. */
import type { Catalog } from './en';

export const zhCN = {
  'page.title': '反向传播实验室 · Backprop Lab',
  'header.title': '反向传播实验室',
  'header.story': '缘起',
  'app.loading': '加载中…',

  'link.badLang': '链接中的语言（lang）应为 zh-CN 或 en，收到的是“{{shown}}”；保持{{kept}}。',

  'tabs.label': '实验模式',
  'tabs.live': '实时训练',
  'tabs.step': '逐步演算',
  'tabs.buglab': '错误实验室',

  'landing.title': '为什么一位初学者的网络学得会 OR，却学不会 AND？',
  'landing.text':
    '一位初学者用 NumPy 写了一个小网络（[2,2,1]，sigmoid，交叉熵），它学得会 OR，却学不会 AND。原因在反向传播的一行代码：隐藏层的 δ 取的是 sigmoid 在激活值 a 处的斜率，而不是在 z 处的斜率。本实验室用它自己的训练过程把这一点展示出来，共 {{steps}} 个小步骤。',
  'landing.start': '从这里开始',
  'landing.explore': '自己探索',
} as const satisfies Catalog;
