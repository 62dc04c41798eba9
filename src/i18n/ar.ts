/**
 * The Arabic catalog (right to left). Shipped as its own entry point so it is
 * not counted in the main bundle.
 *
 * `plural()` only chooses between `one` and `other`, while Arabic has six
 * plural categories; so every `other` form puts the number after a colon
 * ("رسائل غير مقروءة: ٥"), which reads correctly for any count.
 */
import type { Catalog } from './en';

export const ar: Catalog = {
  locale: 'ar',
  dir: 'rtl',
  conversationList: {
    label: 'المحادثات',
    empty: 'لا توجد محادثات بعد',
    loading: 'جارٍ تحميل المحادثات…',
    error: 'تعذّر تحميل المحادثات',
    unread: { one: 'رسالة واحدة غير مقروءة', other: 'رسائل غير مقروءة: {count}' },
    noMessages: 'لا توجد رسائل بعد',
    you: 'أنت: {text}',
    attachment: 'مرفق',
    deleted: 'تم حذف الرسالة',
    from: '{name}: {text}',
  },
  messageList: {
    label: 'الرسائل في {title}',
    empty: 'لا توجد رسائل بعد. ألقِ التحية!',
    loading: 'جارٍ تحميل الرسائل…',
    loadingOlder: 'جارٍ تحميل الرسائل السابقة…',
    start: 'هذه بداية المحادثة',
    error: 'تعذّر تحميل الرسائل',
    retryLoad: 'حاول مرة أخرى',
    newMessages: { one: 'رسالة جديدة واحدة', other: 'رسائل جديدة: {count}' },
    jumpToLatest: 'الانتقال إلى أحدث الرسائل',
    unreadSeparator: 'جديد',
    today: 'اليوم',
    yesterday: 'أمس',
  },
  message: {
    sending: 'جارٍ الإرسال…',
    sent: 'تم الإرسال',
    delivered: 'تم التسليم',
    read: 'تمت القراءة',
    failed: 'لم يتم الإرسال',
    retry: 'إعادة المحاولة',
    delete: 'حذف',
    edited: 'معدّلة',
    deleted: 'تم حذف هذه الرسالة',
    you: 'أنت',
    from: '{name}',
    announce: '{name}: {text}',
    attachment: 'مرفق: {name}، {size}',
  },
  input: {
    label: 'رسالة',
    placeholder: 'اكتب رسالة…',
    placeholderTo: 'راسِل {title}',
    send: 'إرسال',
    hint: 'اضغط Enter للإرسال، وShift+Enter لسطر جديد',
    tooLong: 'الرسالة طويلة جدًا ({count} من {max} حرف)',
    offline: 'أنت غير متصل. سيتم إرسال الرسائل عند عودة الاتصال.',
    counter: '{count} / {max}',
  },
  presence: {
    online: 'متصل',
    offline: 'غير متصل',
  },
  typing: {
    one: '{a} يكتب…',
    two: '{a} و{b} يكتبان…',
    many: '{a} و{count} آخرون يكتبون…',
  },
  connection: {
    idle: 'لم يبدأ الاتصال',
    connecting: 'جارٍ الاتصال…',
    online: 'متصل',
    offline: 'غير متصل',
    reconnecting: 'جارٍ إعادة الاتصال…',
    reconnectingIn: 'إعادة الاتصال خلال {seconds} ث',
    retryNow: 'أعد المحاولة الآن',
    unauthorized: 'تم رفض تسجيل الدخول: {message}',
  },
};
