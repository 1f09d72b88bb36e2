/*! stemmer 2.0.1 (npm), minified by tests/search-libraries/vendor.sh.
 * (The MIT License)
 *
 * Copyright (c) 2014 Titus Wormer <tituswormer@gmail.com>
 *
 * Permission is hereby granted, free of charge, to any person obtaining
 * a copy of this software and associated documentation files (the
 * 'Software'), to deal in the Software without restriction, including
 * without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to
 * permit persons to whom the Software is furnished to do so, subject to
 * the following conditions:
 *
 * The above copyright notice and this permission notice shall be
 * included in all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED 'AS IS', WITHOUT WARRANTY OF ANY KIND,
 * EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
 * MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
 * IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY
 * CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,
 * TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
 * SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */
const e={ational:"ate",tional:"tion",enci:"ence",anci:"ance",izer:"ize",bli:"ble",alli:"al",entli:"ent",eli:"e",ousli:"ous",ization:"ize",ation:"ate",ator:"ate",alism:"al",iveness:"ive",fulness:"ful",ousness:"ous",aliti:"al",iviti:"ive",biliti:"ble",logi:"log"},i={icate:"ic",ative:"",alize:"al",iciti:"ic",ical:"ic",ful:"",ness:""},t="[aeiouy]",s="([^aeiou][^aeiouy]*)",l="("+t+"[aeiou]*)",a=new RegExp("^"+s+"?"+l+s),n=new RegExp("^"+s+"?"+l+s+l+"?$"),c=new RegExp("^"+s+"?("+l+s+"){2,}"),o=new RegExp("^"+s+"?"+t),u=new RegExp("^"+s+t+"[^aeiouwxy]$"),x=/ll$/,$=/^(.+?)e$/,r=/^(.+?)y$/,g=/^(.+?(s|t))(ion)$/,z=/^(.+?)(ed|ing)$/,b=/(at|bl|iz)$/,v=/^(.+?)eed$/,f=/^.+?[^s]s$/,m=/^.+?(ss|i)es$/,w=/([^aeiouylsz])\1$/,p=/^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/,y=/^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/,E=/^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;export function stemmer(t){let s=String(t).toLowerCase();if(s.length<3)return s;let l,R=!1;return 121===s.codePointAt(0)&&(R=!0,s="Y"+s.slice(1)),m.test(s)?s=s.slice(0,-2):f.test(s)&&(s=s.slice(0,-1)),(l=v.exec(s))?a.test(l[1])&&(s=s.slice(0,-1)):(l=z.exec(s))&&o.test(l[1])&&(s=l[1],b.test(s)?s+="e":w.test(s)?s=s.slice(0,-1):u.test(s)&&(s+="e")),(l=r.exec(s))&&o.test(l[1])&&(s=l[1]+"i"),(l=p.exec(s))&&a.test(l[1])&&(s=l[1]+e[l[2]]),(l=y.exec(s))&&a.test(l[1])&&(s=l[1]+i[l[2]]),(l=E.exec(s))?c.test(l[1])&&(s=l[1]):(l=g.exec(s))&&c.test(l[1])&&(s=l[1]),(l=$.exec(s))&&(c.test(l[1])||n.test(l[1])&&!u.test(l[1]))&&(s=l[1]),x.test(s)&&c.test(s)&&(s=s.slice(0,-1)),R&&(s="y"+s.slice(1)),s}
